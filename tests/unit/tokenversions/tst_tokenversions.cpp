// TokenVersions: when a token's account state comes from memory (the set of changed
// accounts and its feed) and when MySQL is asked. The readers here count their calls
// and answer from a table the test edits, as UserRepository would from `users`.
#include "TokenVersions.h"

#include <QtTest/QtTest>

class tst_TokenVersions : public QObject
{
    Q_OBJECT

private:
    struct Accounts {
        QHash<qint64, UserRepository::TokenState> changed; // token_changed_at set
        bool mysqlUp = true;
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
                if (!a.mysqlUp)
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
    void mysqlDownAcceptsASignedTokenItKnowsNothingAbout();
};

void tst_TokenVersions::neverChangedAccountsNeedNoLookup()
{
    Accounts a;
    a.changed.insert(7, { 1, false, true });
    TokenVersions versions;
    const auto readers = readersOf(a);
    for (qint64 user = 100; user < 1100; ++user)
        QVERIFY(versions.accepts(principal(user), readers, 1000 + user));
    QVERIFY(versions.accepts(principal(7, 1), readers, 2500));
    QVERIFY(!versions.accepts(principal(7, 0), readers, 2600)); // the old token of a changed account
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
    QVERIFY(versions.accepts(principal(5), readers, 0));
    a.changed.insert(5, after);
    // Within the feed's period the old state may still be answered; after it, never.
    QVERIFY(versions.accepts(principal(5), readers, TokenVersions::kFeedEveryMs - 1));
    QCOMPARE(versions.accepts(principal(5, tokenVersion), readers, TokenVersions::kFeedEveryMs), accepted);
    // A new token after a change the set cannot explain is looked up; anything else is not.
    QCOMPARE(a.lookups, 0);
}

void tst_TokenVersions::staleFeedFallsBackToLookups()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QVERIFY(versions.accepts(principal(5), readers, 0));
    a.mysqlUp = false; // the feed cannot be read; lookups fail too
    QVERIFY(versions.accepts(principal(5), readers, TokenVersions::kFeedFreshMs - 1));
    QCOMPARE(a.lookups, 0);
    a.mysqlUp = true;
    a.readings.clear();
    a.changed.insert(5, { 0, true, true });
    // The feed is stale and not yet due again: the account is looked up.
    QVERIFY(!versions.accepts(principal(5), readers, TokenVersions::kFeedFreshMs + 10));
    QCOMPARE(a.lookups, 1);
    QVERIFY(a.readings.isEmpty());
    // Once due the feed is read again.
    QVERIFY(!versions.accepts(principal(5), readers, TokenVersions::kFeedFreshMs + TokenVersions::kFeedEveryMs));
    QCOMPARE(a.readings, QList<int> { TokenVersions::kFeedWindowSeconds });
}

void tst_TokenVersions::forgottenAccountIsLookedUp()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QVERIFY(versions.accepts(principal(5), readers, 0));
    a.changed.insert(5, { 1, true, true }); // disabled by this instance, which forgets it
    versions.forget(5);
    QVERIFY(!versions.accepts(principal(5), readers, 1)); // before the next feed reading
    QCOMPARE(a.lookups, 1);
    QVERIFY(!versions.accepts(principal(5), readers, 2));
    QCOMPARE(a.lookups, 1); // then remembered
}

void tst_TokenVersions::versionTheSetCannotExplainIsLookedUp()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QVERIFY(versions.accepts(principal(5), readers, 0));
    a.changed.insert(5, { 3, false, true }); // changed, not yet in a reading
    QVERIFY(versions.accepts(principal(5, 3), readers, 10));
    QCOMPARE(a.lookups, 1);
}

void tst_TokenVersions::gapLongerThanTheWindowReadsTheWholeSet()
{
    Accounts a;
    TokenVersions versions;
    const auto readers = readersOf(a);
    QVERIFY(versions.accepts(principal(5), readers, 0));
    QVERIFY(versions.accepts(principal(5), readers, 1000));
    QCOMPARE(a.readings, (QList<int> { 0, TokenVersions::kFeedWindowSeconds }));
    QVERIFY(versions.accepts(principal(5), readers, 1000 + TokenVersions::kFeedWindowSeconds * 1000));
    QCOMPARE(a.readings.last(), 0);
}

void tst_TokenVersions::mysqlDownAcceptsASignedTokenItKnowsNothingAbout()
{
    Accounts a;
    a.mysqlUp = false;
    TokenVersions versions;
    QVERIFY(versions.accepts(principal(5), readersOf(a), 0));
    QCOMPARE(a.lookups, 1);
}

QTEST_APPLESS_MAIN(tst_TokenVersions)
#include "tst_tokenversions.moc"
