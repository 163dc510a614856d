#pragma once

#include "Failure.h"

#include <utility>
#include <variant>

// A value or the Failure that prevented it. Errors are values here: no exception
// crosses a layer (DESIGN.md, Style).
template<typename T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Failure failure) : m_state(std::move(failure)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }

    const Failure &failure() const { return std::get<Failure>(m_state); }

private:
    std::variant<T, Failure> m_state;
};

// For operations that produce nothing but may fail.
struct Done { };
using Status = Result<Done>;
