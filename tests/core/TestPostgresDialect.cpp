#include "common/Result.h"
#include "store/PostgresDialect.h"

#include <QtTest>

using namespace alpr;
using store::PostgresDialect;

// The services write SQLite SQL; these are the rewrites the PostgreSQL engine depends on, and the SQL it must refuse
// rather than run with another meaning.
class TestPostgresDialect : public QObject {
    Q_OBJECT

private slots:
    void rewritesPlaceholders()
    {
        const auto numbered =
            PostgresDialect::translate(QStringLiteral("SELECT a FROM t WHERE b = ?2 AND c = ?1 OR d = ?2"));
        QCOMPARE(numbered.sql, QStringLiteral("SELECT a FROM t WHERE b = $2 AND c = $1 OR d = $2"));
        QCOMPARE(numbered.parameterCount, 2);
        // A bare ? is the next number after the highest so far, as SQLite numbers it.
        const auto bare = PostgresDialect::translate(QStringLiteral("INSERT INTO t(a, b, c) VALUES (?, ?5, ?)"));
        QCOMPARE(bare.sql, QStringLiteral("INSERT INTO t(a, b, c) VALUES ($1, $5, $6)"));
        QCOMPARE(bare.parameterCount, 6);
        QCOMPARE(bare.parameterUsed, (std::vector<bool>{true, false, false, false, true, true}));
    }

    void leavesLiteralsCommentsAndBodiesAlone()
    {
        const QString sql = QStringLiteral("SELECT 'it''s ?1 user', \"user?\" -- ?3 insert or replace\n"
                                           "/* ? pragma */ FROM t WHERE x = ?1; DO $body$ BEGIN PERFORM ?; END $body$");
        const auto t = PostgresDialect::translate(sql);
        QCOMPARE(t.sql, QStringLiteral("SELECT 'it''s ?1 user', \"user?\" -- ?3 insert or replace\n"
                                       "/* ? pragma */ FROM t WHERE x = $1; DO $body$ BEGIN PERFORM ?; END $body$"));
        QCOMPARE(t.parameterCount, 1);
    }

    void rewritesWhatMeansTheSame()
    {
        QCOMPARE(PostgresDialect::translate(QStringLiteral("INSERT OR IGNORE INTO t(a) VALUES (?1)  ")).sql,
                 QStringLiteral("INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING  "));
        QCOMPARE(
            PostgresDialect::translate(QStringLiteral("insert or ignore into a values (1); insert into b values (2)"))
                .sql,
            QStringLiteral("insert into a values (1) ON CONFLICT DO NOTHING; insert into b values (2)"));
        QCOMPARE(PostgresDialect::translate(QStringLiteral("DELETE FROM temp.wanted WHERE instr(plate, ?1) > 0")).sql,
                 QStringLiteral("DELETE FROM pg_temp.wanted WHERE strpos(plate, $1) > 0"));
        QCOMPARE(PostgresDialect::translate(QStringLiteral("SELECT user, current_user, username FROM audit_log")).sql,
                 QStringLiteral("SELECT \"user\", current_user, username FROM audit_log"));
    }

    void refusesWhatHasNoFaithfulForm()
    {
        // REPLACE deletes the old row (firing its cascades) and PRAGMA tunes SQLite: the caller must branch.
        for (const char* sql : {"PRAGMA cache_size = -65536", "INSERT OR REPLACE INTO settings(k, v) VALUES (?1, ?2)",
                                "SELECT 1; pragma foreign_keys = ON", "insert or abort into t values (1)"}) {
            try {
                (void)PostgresDialect::translate(QString::fromLatin1(sql));
                QFAIL(sql);
            } catch (const ErrorException& e) {
                QCOMPARE(e.error().code, ErrorCode::Internal);
            }
        }
        // A column or literal named pragma is not the statement.
        QCOMPARE(PostgresDialect::translate(QStringLiteral("SELECT pragma FROM t")).sql,
                 QStringLiteral("SELECT pragma FROM t"));
    }

    void survivesUnterminatedInput()
    {
        QCOMPARE(PostgresDialect::translate(QStringLiteral("SELECT 'open ?1")).sql, QStringLiteral("SELECT 'open ?1"));
        QCOMPARE(PostgresDialect::translate(QStringLiteral("SELECT 1 /* ?")).sql, QStringLiteral("SELECT 1 /* ?"));
        QCOMPARE(PostgresDialect::translate(QStringLiteral("SELECT $$ ?")).sql, QStringLiteral("SELECT $$ ?"));
        QCOMPARE(PostgresDialect::translate(QStringLiteral("?")).sql, QStringLiteral("$1"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresDialect)
#include "TestPostgresDialect.moc"
