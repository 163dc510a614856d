#include "PasswordHasher.h"

#include <QtCore/QStringList>
#include <QtTest/QTest>

class tst_PasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashThenVerify_data();
    void hashThenVerify();
    void wrongPassword_data();
    void wrongPassword();
    void saltsDiffer();
    void format();
    void malformed_data();
    void malformed();
    void needsRehash_data();
    void needsRehash();
    void knownAnswer_data();
    void knownAnswer();

private:
    const PasswordHasher m_hasher { 1000 };
};

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple");
const QByteArray kSalt("0123456789abcdef"); // 16 bytes, as the hasher's own salts
}

void tst_PasswordHasher::hashThenVerify_data()
{
    QTest::addColumn<QString>("password");

    QTest::newRow("ascii") << kPassword;
    QTest::newRow("short") << "pw";
    QTest::newRow("non-ASCII") << "pässwörd 비밀번호";
    QTest::newRow("with dollar signs") << "pa$$word$1000$";
    QTest::newRow("1024 characters") << QString(1024, QLatin1Char('x'));
}

void tst_PasswordHasher::hashThenVerify()
{
    QFETCH(QString, password);

    const QString stored = m_hasher.hash(password);
    QVERIFY(!stored.isEmpty());
    QVERIFY(stored.startsWith(QStringLiteral("pbkdf2-sha256$1000$")));
    QVERIFY(PasswordHasher::verify(password, stored));
}

void tst_PasswordHasher::wrongPassword_data()
{
    QTest::addColumn<QString>("candidate");

    QTest::newRow("different") << "Tr0ub4dor&3";
    QTest::newRow("empty") << "";
    QTest::newRow("other case") << "Correct horse battery staple";
    QTest::newRow("one character more") << kPassword + QLatin1Char(' ');
    QTest::newRow("one character less") << kPassword.chopped(1);
    QTest::newRow("stored string itself") << PasswordHasher::hash(kPassword, kSalt, 1000);
}

void tst_PasswordHasher::wrongPassword()
{
    QFETCH(QString, candidate);

    const QString stored = m_hasher.hash(kPassword);
    QVERIFY(PasswordHasher::verify(kPassword, stored));
    QVERIFY(!PasswordHasher::verify(candidate, stored));
}

void tst_PasswordHasher::saltsDiffer()
{
    const QString first = m_hasher.hash(kPassword);
    const QString second = m_hasher.hash(kPassword);
    QVERIFY(first != second);
    QVERIFY(first.section(QLatin1Char('$'), 2, 2) != second.section(QLatin1Char('$'), 2, 2)); // the salts
    QVERIFY(first.section(QLatin1Char('$'), 3, 3) != second.section(QLatin1Char('$'), 3, 3)); // the hashes
    QVERIFY(PasswordHasher::verify(kPassword, first));
    QVERIFY(PasswordHasher::verify(kPassword, second));
}

void tst_PasswordHasher::format()
{
    const QString stored = m_hasher.hash(kPassword);
    QVERIFY2(stored.startsWith(QStringLiteral("pbkdf2-sha256$1000$")), qPrintable(stored));
    const QStringList parts = stored.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts[0], QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts[1], QStringLiteral("1000"));

    const auto salt = QByteArray::fromBase64Encoding(parts[2].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(salt);
    QCOMPARE(salt.decoded.size(), 16);
    const auto hash = QByteArray::fromBase64Encoding(parts[3].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(hash);
    QCOMPARE(hash.decoded.size(), 32);

    // The static form with the same salt and count reproduces the stored string exactly.
    QCOMPARE(PasswordHasher::hash(kPassword, salt.decoded, 1000), stored);
    // The default hasher uses the documented count.
    QCOMPARE(PasswordHasher::kDefaultIterations, 100'000);
}

void tst_PasswordHasher::malformed_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("expected");

    // Every row but the control is verified against the password it was built from.
    const QString good = PasswordHasher::hash(kPassword, kSalt, 1000);
    const QStringList parts = good.split(QLatin1Char('$'));
    const auto join = [](const QString &algorithm, const QString &iterations, const QString &salt,
                         const QString &hash) {
        return QStringList { algorithm, iterations, salt, hash }.join(QLatin1Char('$'));
    };
    const QString algorithm = parts[0], iterations = parts[1], salt = parts[2], hash = parts[3];

    QTest::newRow("control: well-formed") << good << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("algorithm only") << "pbkdf2-sha256" << false;
    QTest::newRow("md5") << "md5$1000$c2FsdA==$aGFzaA==" << false;
    QTest::newRow("iterations not a number") << "pbkdf2-sha256$abc$c2FsdA==$aGFzaA==" << false;
    QTest::newRow("other algorithm, real hash") << join("pbkdf2-sha512", iterations, salt, hash) << false;
    QTest::newRow("iterations abc, real hash") << join(algorithm, "abc", salt, hash) << false;
    QTest::newRow("zero iterations") << join(algorithm, "0", salt, hash) << false;
    QTest::newRow("negative iterations") << join(algorithm, "-1000", salt, hash) << false;
    QTest::newRow("over 10,000,000 iterations") << join(algorithm, "10000001", salt, hash) << false;
    QTest::newRow("other iteration count") << join(algorithm, "999", salt, hash) << false;
    QTest::newRow("other salt") << join(algorithm, iterations, QStringLiteral("c2FsdA=="), hash) << false;
    QTest::newRow("truncated hash") << join(algorithm, iterations, salt, hash.chopped(4)) << false;
    QTest::newRow("hash cut in half") << join(algorithm, iterations, salt, hash.left(hash.size() / 2)) << false;
    QTest::newRow("empty hash") << join(algorithm, iterations, salt, QString()) << false;
    const QString longHash = QString::fromLatin1((QByteArray::fromBase64(hash.toLatin1()) + 'x').toBase64());
    QTest::newRow("hash one byte too long") << join(algorithm, iterations, salt, longHash) << false;
    QTest::newRow("three parts") << QStringList { algorithm, iterations, hash }.join(QLatin1Char('$')) << false;
    QTest::newRow("five parts") << good + QStringLiteral("$extra") << false;
}

void tst_PasswordHasher::malformed()
{
    QFETCH(QString, stored);
    QFETCH(bool, expected);

    QCOMPARE(PasswordHasher::verify(kPassword, stored), expected);
}

void tst_PasswordHasher::needsRehash_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("expected");

    QTest::newRow("1 iteration") << PasswordHasher::hash(kPassword, kSalt, 1) << true;
    QTest::newRow("999 iterations") << PasswordHasher::hash(kPassword, kSalt, 999) << true;
    QTest::newRow("made by PasswordHasher(500)") << PasswordHasher(500).hash(kPassword) << true;
    QTest::newRow("1000 iterations") << PasswordHasher::hash(kPassword, kSalt, 1000) << false;
    QTest::newRow("made by this hasher") << PasswordHasher(1000).hash(kPassword) << false;
    QTest::newRow("2000 iterations") << PasswordHasher::hash(kPassword, kSalt, 2000) << false;
}

void tst_PasswordHasher::needsRehash()
{
    QFETCH(QString, stored);
    QFETCH(bool, expected);

    QCOMPARE(m_hasher.needsRehash(stored), expected);
    // Whatever its count, the stored hash still verifies.
    QVERIFY(PasswordHasher::verify(kPassword, stored));
}

void tst_PasswordHasher::knownAnswer_data()
{
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("hex");

    // The widely published PBKDF2-HMAC-SHA256 vectors: P = "password", S = "salt", dkLen = 32.
    QTest::newRow("c=1") << 1 << QByteArray("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    QTest::newRow("c=2") << 2 << QByteArray("ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
}

void tst_PasswordHasher::knownAnswer()
{
    QFETCH(int, iterations);
    QFETCH(QByteArray, hex);

    const QString stored = PasswordHasher::hash(QStringLiteral("password"), QByteArray("salt"), iterations);
    const QString expectedHash = QString::fromLatin1(QByteArray::fromHex(hex).toBase64());
    QCOMPARE(expectedHash.size(), 44);
    QVERIFY2(stored.endsWith(QStringLiteral("$") + expectedHash), qPrintable(stored));
    QCOMPARE(stored,
             QStringLiteral("pbkdf2-sha256$%1$%2$%3").arg(iterations).arg(QStringLiteral("c2FsdA=="), expectedHash));
    QVERIFY(PasswordHasher::verify(QStringLiteral("password"), stored));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("Password"), stored));
}

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
