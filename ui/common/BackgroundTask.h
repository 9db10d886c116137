#pragma once

#include "accounts/Session.h"
#include "common/Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>

#include <functional>

namespace alpr::ui {

/// The watcher of one piece of background work, owned by the page that started it. Its destructor waits for the
/// work: the work holds a reference to the Session, and a page is destroyed before its Session (logout, a test's
/// teardown), so no work may outlive the page that started it. Store work here is short queries.
template <typename T>
class PageWorkWatcher : public QFutureWatcher<T> {
public:
    using QFutureWatcher<T>::QFutureWatcher;
    ~PageWorkWatcher() override { this->waitForFinished(); }
};

/// Runs store work off the GUI thread on a connection of its own and delivers the Result on the GUI thread.
/// The callback is dropped if context is destroyed first, so a closed page never receives a late result.
/// The work must not capture the page (`this`): it may still run while the page's destructor has begun (the
/// watcher waits as a child, after the page's own members are gone), so it captures values and the Session
/// (`[&session = m_session]`). UBSan's vptr check caught EvidencePage reading m_session through `this` there.
template <typename T>
void runInBackground(Session& session, QObject* context, std::function<Result<T>(store::Database&)> work,
                     std::function<void(const Result<T>&)> done)
{
    auto* watcher = new PageWorkWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcher<Result<T>>::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([&session, work = std::move(work)]() -> Result<T> {
        auto db = session.openConnection();
        if (!db)
            return std::unexpected(db.error());
        return guardedResult([&] { return work(*db); });
    }));
}

/// Same, for work that needs the Session itself (AccountService); the Session's connection is serialized, and
/// the page keeps its controls disabled until done.
template <typename T>
void runWithSession(Session& session, QObject* context, std::function<Result<T>(Session&)> work,
                    std::function<void(const Result<T>&)> done)
{
    auto* watcher = new PageWorkWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcher<Result<T>>::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([&session, work = std::move(work)]() -> Result<T> {
        return guardedResult([&] { return work(session); });
    }));
}

} // namespace alpr::ui
