// Test driver: the evidence commands behind the same CliContext and global options as alprctl, in a process of
// their own, so the CLI test exercises real arguments, stdin, stdout, stderr and exit codes. It constructs a
// QGuiApplication (offscreen) as alprctl must for `evidence export`, whose PDF documents need one.
#include "cli/CaseCommand.h"
#include "cli/CliContext.h"
#include "cli/EvidenceCommand.h"
#include "cli/HoldCommand.h"
#include "cli/RetentionCommand.h"

#include <QGuiApplication>
#include <QMap>

#include <functional>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList words = QCoreApplication::arguments().mid(1);
    QString store;
    QString user;
    bool passwordFromStdin = false;
    QStringList rest;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words[i] == QLatin1String("--store") && i + 1 < words.size())
            store = words[++i];
        else if (words[i] == QLatin1String("--user") && i + 1 < words.size())
            user = words[++i];
        else if (words[i] == QLatin1String("--password-stdin"))
            passwordFromStdin = true;
        else
            rest.append(words[i]);
    }
    const QMap<QString, std::function<int(alpr::cli::CliContext&)>> commands{
        {QStringLiteral("evidence"), alpr::cli::runEvidenceCommand},
        {QStringLiteral("retention"), alpr::cli::runRetentionCommand},
        {QStringLiteral("hold"), alpr::cli::runHoldCommand},
        {QStringLiteral("case"), alpr::cli::runCaseCommand}};
    const auto command = commands.constFind(rest.value(0));
    if (command == commands.constEnd())
        return alpr::cli::ExitUsage;
    alpr::cli::CliContext context(rest.mid(1), store, user, passwordFromStdin);
    return (*command)(context);
}
