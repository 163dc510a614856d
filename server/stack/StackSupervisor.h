#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <functional>

class LocalStack;

// Keeps the embedded stack's MariaDB and Redis up while the app runs: a service whose
// process died is started again on the same port (the server's connections find it by
// themselves), after 1, 2, 4, 8 then 16 s; after five failed tries it gives up and
// says what to do. Every step is a signal in words for the window.
//
// Lives on the thread that started the stack (the stack's processes are tied to it);
// a restart blocks that thread for as long as the service takes to answer (about a
// second for MariaDB, at most its start deadline), never the window's thread.
class StackSupervisor : public QObject
{
    Q_OBJECT
public:
    // firstBackoffMs: the wait before the first try (tests lengthen it to look at the outage).
    explicit StackSupervisor(LocalStack &stack, int firstBackoffMs = kFirstBackoffMs, QObject *parent = nullptr);

    static constexpr int kCheckMs = 1000;
    static constexpr int kMaxTries = 5;
    static constexpr int kFirstBackoffMs = 1000;
    static constexpr int kMaxBackoffMs = 16000;
    int backoffMs(int attempt) const; // attempt 1..kMaxTries

Q_SIGNALS:
    // "MariaDB stopped. Starting it again in 1 s (try 1 of 5)…"
    void serviceDown(const QString &text);
    // "MariaDB is running again."
    void serviceBack(const QString &text);
    // It could not be brought back: what happened and what to do.
    void serviceLost(const QString &text);

private:
    struct Watched {
        QString name;
        QString log;
        std::function<bool()> running;
        std::function<QString()> start; // empty when it came up, else the reason
        int attempt = 0;
        bool scheduled = false;
        bool lost = false;
    };
    void check();
    void schedule(Watched &service);
    void restart(Watched &service);

    int m_firstBackoffMs;
    QList<Watched> m_services;
    QTimer m_check;
};
