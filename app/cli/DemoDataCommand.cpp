#include "cli/DemoDataCommand.h"

#include "cli/CliContext.h"
#include "search/DemoDataGenerator.h"

namespace alpr::cli {

namespace {
constexpr auto kUsage = "usage: alprctl demo-data --reads N [--seed S] [--months M] [--images N]\n"
                        "Synthetic reads on the demo map's streets for demos and benchmarks (needs import rights);\n"
                        "the newest N reads (default 20000) get a synthetic plate crop.";
}

int runDemoDataCommand(CliContext& c)
{
    auto options = CliOptions::parse(
        c.arguments(), {},
        {QStringLiteral("reads"), QStringLiteral("seed"), QStringLiteral("months"), QStringLiteral("images")});
    if (!options)
        return c.arguments().contains(QStringLiteral("--help")) ? c.usage(QString::fromUtf8(kUsage))
                                                               : c.report(options.error());
    DemoDataOptions demo;
    bool readsOk = false, seedOk = true, monthsOk = true, imagesOk = true;
    demo.reads = options->value(QStringLiteral("reads")).toLongLong(&readsOk);
    if (options->has(QStringLiteral("seed")))
        demo.seed = options->value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (options->has(QStringLiteral("months")))
        demo.months = options->value(QStringLiteral("months")).toInt(&monthsOk);
    if (options->has(QStringLiteral("images")))
        demo.imageReads = options->value(QStringLiteral("images")).toLongLong(&imagesOk);
    if (!readsOk || !seedOk || !monthsOk || !imagesOk || demo.imageReads < 0 || !options->positional().isEmpty()) {
        return c.usage(QString::fromUtf8(kUsage));
    }
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    qint64 lastReported = 0;
    JobContext job([&](qint64 done, qint64 total, const QString&) {
        if (done - lastReported >= 1000000 || done == total) {
            c.err() << done << " / " << total << " reads" << Qt::endl;
            lastReported = done;
        }
    });
    auto inserted = DemoDataGenerator(demo).run(**session, job);
    if (!inserted)
        return c.report(inserted.error());
    c.out() << *inserted << " demo reads inserted\n";
    return ExitOk;
}

} // namespace alpr::cli
