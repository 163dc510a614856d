// TokenVersions: when a token's account state comes from memory (the set of changed
// accounts and its feed) and when MySQL is asked. The readers here count their calls
// and answer from a table the test edits, as UserRepository would from `users`.
#include "TokenVersions.h"

#include <QtTest/QtTest>

class tst_TokenVersions : public QObject
{
    Q_OBJECT

private:
    using Verdict = TokenVersions::Verdict;
    struct Accounts {
        QHash<qint64, UserRepository::TokenState> changed; // token_changed_at set
        bool mysqlUp = true;
        bool feedUp = true; // false: only the feed's query fails (it times out, say)
        int lookups = 0;
        QList<int> readings; // withinSeconds of every feed reading
    };
    static TokenVersions::Readers readersOf(Accounts &a)
    {
        return {
            [&a](qint64 userId) -> Result<UserRepository::TokenState> {
                ++a.lookups;
                if (!a.mysqlUp)
                    return Failure { ErrorCode::Unavailable, QStringLiteral("down"), {} };
                return a.changed.value(userId, UserRepository::TokenState { 0, false, true });
            },
            [&a](int withinSeconds, int limit) -> Result<QList<UserRepository::TokenChange>> {
                a.readings << withinSeconds;
                if (!a.mysqlUp || !a.feedUp)
                    return Failure { ErrorCode::Unavailable, QStringLiteral("down"), {} };
                QList<UserRepository::TokenChange> out;
                for (auto it = a.changed.cbegin(); it != a.changed.cend() && out.size() < limit; ++it)
                    out.append({ it.key(), it.value() }); // the test's "recent" is every change
                return out;
            },
        };
    }
    static Principal principal(qint64 userId, int version = 0)
    {
        Principal p;
        p.userId = userId;
        p.role = QStringLiteral("SHOPPER");
        p.tokenVersion = version;
        return p;
    }

private slots:
    void neverChangedAccountsNeedNoLookup();
    void feedCarriesAChangeToEveryInstance_data();
    void feedCarriesAChangeToEveryInstance();
    void staleFeedFallsBackToLookups();
    void forgottenAccountIsLookedUp();
    void versionTheSetCannotExplainIsLookedUp();
    void gapLongerThanTheWindowReadsTheWholeSet();
    void lastKnownStateDecidesWithMysqlDown_data();
    void lastKnownStateDecidesWithMysqlDown();
    void lookedUpStateDecidesWithMysqlDown();
    void forgottenAccountWithMysqlDown_data();
    void forgottenAccountWithMysqlDown();
    void mysqlDownWithNothingKnownIsUnavailable();
};

void tst_TokenVersions::neverChangedAccountsNeedNoLookup()
{
    Accounts a;
    a.changed.insert(7, { 1, false, true });
    TokenVersions versions;
    const auto readers = readersOf(a);
    for (qint64 user = 100; user < 1100; ++user)
        QCOMPARE(versions.check(principal(user), readers, 1000 + user), Verdict::Accepted);
    QCOMPARE(versions.check(principal(7, 1), readers, 2500), Verdict::Accepted);
    QCOMPARE(versions.check(principal(7, 0), readers, 2600), Verdict::Refused); // the old token of a changed account
    QCOMPARE(a.lookups, 0);
    QCOMPARE(a.readings.first(), 0); // the whole set first
    QVERIFY(a.readings.size() >= 2);
    QCOMPARE(a.readings.last(), TokenVersions::kFeedWindowSeconds);
}

void tst_TokenVersions::feedCarriesAChangeToEveryInstance_data()
{
    QTest::addColumn<UserRepository::TokenState>("after");
    QTest::addColumn<int>("tokenVersion");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("disabled") << UserRepository::TokenState { 1, true, true } << 0 << false;
    QTest::newRow("password changed, old token") << UserRepository::TokenState { 1, false, true } << 0 << false;
    QTest::newRow("password changed, new token") << UserRepository::TokenState { 1, false, true } << 1 << true;
}

void tst_TokenVersions::feedCarriesAChangeToEveryInstance()
{
    QFETCH(UserRepository::TokenState, after);
    QFETCH(int, tokenVersion);
    QFETCH(bool, accepted);
    Accounts a;
    TokenVersions versions; // another instance: it learns only through the feed
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5), readers, 0), Verdict::Accepted);
    a.changed.insert(5, after);
    // Within the feed's period the old state may still be answered; after it, never.
    QCOMPARE(versions.check(principal(5), readers, TokenVersions::kFeedEveryMs - 1), Verdict::Accepted);
    QCOMPARE(versions.check(principal(5, tokenVersion), readers, TokenVersions::kFeedEveryMs),
             accepted ? Verdict::Accepted : Verdict::Refused);
    // A new token after a change the set cannot explain is looked up; anything else is not.
    QCOMPARE(a.lookups, 0);
}

void tst_TokenVersions::staleFeedFallsBackToLookups()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5), readers, 0), Verdict::Accepted);
    a.mysqlUp = false; // the feed cannot be read; lookups fail too
    QCOMPARE(versions.check(principal(5), readers, TokenVersions::kFeedFreshMs - 1), Verdict::Accepted);
    QCOMPARE(a.lookups, 0);
    a.mysqlUp = true;
    a.readings.clear();
    a.changed.insert(5, { 0, true, true });
    // The feed is stale and not yet due again: the account is looked up.
    QCOMPARE(versions.check(principal(5), readers, TokenVersions::kFeedFreshMs + 10), Verdict::Refused);
    QCOMPARE(a.lookups, 1);
    QVERIFY(a.readings.isEmpty());
    // Once due the feed is read again.
    QCOMPARE(versions.check(principal(5), readers, TokenVersions::kFeedFreshMs + TokenVersions::kFeedEveryMs), Verdict::Refused);
    QCOMPARE(a.readings, QList<int> { TokenVersions::kFeedWindowSeconds });
}

void tst_TokenVersions::forgottenAccountIsLookedUp()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5), readers, 0), Verdict::Accepted);
    a.changed.insert(5, { 1, true, true }); // disabled by this instance, which forgets it
    versions.forget(5);
    QCOMPARE(versions.check(principal(5), readers, 1), Verdict::Refused); // before the next feed reading
    QCOMPARE(a.lookups, 1);
    QCOMPARE(versions.check(principal(5), readers, 2), Verdict::Refused);
    QCOMPARE(a.lookups, 1); // then remembered
}

void tst_TokenVersions::versionTheSetCannotExplainIsLookedUp()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5), readers, 0), Verdict::Accepted);
    a.changed.insert(5, { 3, false, true }); // changed, not yet in a reading
    QCOMPARE(versions.check(principal(5, 3), readers, 10), Verdict::Accepted);
    QCOMPARE(a.lookups, 1);
}

void tst_TokenVersions::gapLongerThanTheWindowReadsTheWholeSet()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5), readers, 0), Verdict::Accepted);
    QCOMPARE(versions.check(principal(5), readers, 1000), Verdict::Accepted);
    QCOMPARE(a.readings, (QList<int> { 0, TokenVersions::kFeedWindowSeconds }));
    QCOMPARE(versions.check(principal(5), readers, 1000 + TokenVersions::kFeedWindowSeconds * 1000), Verdict::Accepted);
    QCOMPARE(a.readings.last(), 0);
}

// MySQL stopped after a change this instance learnt from the feed: long after every
// reading went stale, the last state known still decides. A token older than it is
// refused, the same version as the account's counts unless the account is disabled, and
// a newer one (the state moved on since) cannot be judged: Unavailable, never a pass.
void tst_TokenVersions::lastKnownStateDecidesWithMysqlDown_data()
{
    QTest::addColumn<bool>("changed");
    QTest::addColumn<UserRepository::TokenState>("state");
    QTest::addColumn<int>("tokenVersion");
    QTest::addColumn<TokenVersions::Verdict>("verdict");
    const UserRepository::TokenState disabled { 1, true, true };
    const UserRepository::TokenState newPassword { 1, false, true };
    QTest::newRow("disabled, old token") << true << disabled << 0 << Verdict::Refused;
    QTest::newRow("disabled, its version") << true << disabled << 1 << Verdict::Refused;
    QTest::newRow("disabled, a later token") << true << disabled << 2 << Verdict::Unavailable;
    QTest::newRow("new password, old token") << true << newPassword << 0 << Verdict::Refused;
    QTest::newRow("new password, new token") << true << newPassword << 1 << Verdict::Accepted;
    QTest::newRow("new password, a later token") << true << newPassword << 2 << Verdict::Unavailable;
    QTest::newRow("never changed, first token") << false << UserRepository::TokenState {} << 0 << Verdict::Accepted;
    QTest::newRow("never changed, a later token") << false << UserRepository::TokenState {} << 1 << Verdict::Unavailable;
}

void tst_TokenVersions::lastKnownStateDecidesWithMysqlDown()
{
    QFETCH(bool, changed);
    QFETCH(UserRepository::TokenState, state);
    QFETCH(int, tokenVersion);
    QFETCH(TokenVersions::Verdict, verdict);
    Accounts a;
    if (changed)
        a.changed.insert(5, state);
    TokenVersions versions;
    const auto readers = readersOf(a);
    versions.check(principal(5, tokenVersion), readers, 0);
    a.mysqlUp = false;
    // An hour on: past the feed's freshness, a looked-up state's, any window.
    QCOMPARE(versions.check(principal(5, tokenVersion), readers, 3600000), verdict);
    QCOMPARE(versions.check(principal(5, tokenVersion), readers, 3600000 + TokenVersions::kFeedEveryMs), verdict);
    QVERIFY(a.lookups >= 1); // MySQL was asked first
}

// Without the feed, a state looked up once is the last known one: it still decides when
// the look-ups fail too; an account never looked up is Unavailable.
void tst_TokenVersions::lookedUpStateDecidesWithMysqlDown()
{
    Accounts a;
    a.feedUp = false;
    a.changed.insert(5, { 2, false, true });
    TokenVersions versions;
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5, 2), readers, 0), Verdict::Accepted);
    QCOMPARE(a.lookups, 1);
    a.mysqlUp = false;
    const qint64 later = 10 * TokenVersions::kFreshMs;
    QCOMPARE(versions.check(principal(5, 2), readers, later), Verdict::Accepted);
    QCOMPARE(versions.check(principal(5, 1), readers, later), Verdict::Refused);
    QCOMPARE(versions.check(principal(5, 3), readers, later), Verdict::Unavailable);
    QCOMPARE(versions.check(principal(6, 0), readers, later), Verdict::Unavailable);
    QCOMPARE(a.lookups, 5);
}

// This instance changed the account (forget) and MySQL went away before it read the new
// state: versions below the one known before stay refused; anything else is Unavailable,
// since the change (a password, disabling, enabling) is not known.
void tst_TokenVersions::forgottenAccountWithMysqlDown_data()
{
    QTest::addColumn<int>("versionBefore"); // -1: never changed
    QTest::addColumn<int>("tokenVersion");
    QTest::addColumn<TokenVersions::Verdict>("verdict");
    QTest::newRow("never changed, its token") << -1 << 0 << Verdict::Unavailable;
    QTest::newRow("changed, a token before that") << 1 << 0 << Verdict::Refused;
    QTest::newRow("changed, a token of that version") << 1 << 1 << Verdict::Unavailable;
    QTest::newRow("changed, a later token") << 1 << 2 << Verdict::Unavailable;
}

void tst_TokenVersions::forgottenAccountWithMysqlDown()
{
    QFETCH(int, versionBefore);
    QFETCH(int, tokenVersion);
    QFETCH(TokenVersions::Verdict, verdict);
    Accounts a;
    if (versionBefore >= 0)
        a.changed.insert(5, { versionBefore, false, true });
    TokenVersions versions;
    const auto readers = readersOf(a);
    QCOMPARE(versions.check(principal(5, qMax(0, versionBefore)), readers, 0), Verdict::Accepted);
    versions.forget(5);
    a.mysqlUp = false;
    QCOMPARE(versions.check(principal(5, tokenVersion), readers, 1), verdict);
    QCOMPARE(versions.check(principal(5, tokenVersion), readers, 3600000), verdict);
}

// Nothing known and no look-up possible: not a pass.
void tst_TokenVersions::mysqlDownWithNothingKnownIsUnavailable()
{
    Accounts a;
    a.mysqlUp = false;
    TokenVersions versions;
    QCOMPARE(versions.check(principal(5), readersOf(a), 0), Verdict::Unavailable);
    QCOMPARE(a.lookups, 1);
}

QTEST_APPLESS_MAIN(tst_TokenVersions)
#include "tst_tokenversions.moc"
