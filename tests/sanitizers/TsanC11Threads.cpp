// Linked into every target of the TSan build only (cmake/Sanitizers.cmake).
//
// librdkafka starts its threads with C11 thrd_create(). glibc implements that without
// going through the pthread_create symbol, and neither GCC 12's nor clang 14's TSan
// runtime intercepts thrd_create, so those threads run with no TSan thread state and
// the first malloc() on one of them crashes inside the TSan allocator (SIGSEGV in
// SizeClassAllocator64LocalCache::Allocate, "rdk:mock" thread). This routes the C11
// thread calls through the pthread functions TSan does intercept; the executable's
// definitions win over glibc's for librdkafka's references. Nothing is suppressed.
#include <pthread.h>
#include <threads.h>

#include <cstdint>
#include <new>

namespace {
struct Start {
    thrd_start_t function;
    void *argument;
};

void *trampoline(void *raw)
{
    const Start start = *static_cast<Start *>(raw);
    delete static_cast<Start *>(raw);
    return reinterpret_cast<void *>(std::intptr_t(start.function(start.argument)));
}
}

extern "C" int thrd_create(thrd_t *thread, thrd_start_t function, void *argument)
{
    auto *start = new (std::nothrow) Start { function, argument };
    if (!start)
        return thrd_nomem;
    pthread_t id;
    if (pthread_create(&id, nullptr, trampoline, start) != 0) {
        delete start;
        return thrd_error;
    }
    *thread = id;
    return thrd_success;
}

extern "C" int thrd_join(thrd_t thread, int *result)
{
    void *value = nullptr;
    if (pthread_join(thread, &value) != 0)
        return thrd_error;
    if (result)
        *result = int(reinterpret_cast<std::intptr_t>(value));
    return thrd_success;
}

extern "C" int thrd_detach(thrd_t thread)
{
    return pthread_detach(thread) == 0 ? thrd_success : thrd_error;
}
