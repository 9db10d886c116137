#include "common/Log.h"

#include <QDir>

#include <boost/log/core.hpp>
#include <boost/log/support/date_time.hpp>
#include <boost/log/expressions.hpp>
#include <boost/log/sources/global_logger_storage.hpp>
#include <boost/log/sources/severity_logger.hpp>
#include <boost/log/trivial.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <boost/log/utility/setup/console.hpp>
#include <boost/log/utility/setup/file.hpp>

namespace logging = boost::log;

namespace alpr::diag {

namespace {

void write(logging::trivial::severity_level level, const QString& message)
{
    BOOST_LOG_SEV(logging::trivial::logger::get(), level) << message.toStdString();
}

} // namespace

void initialize(Sink sink, const QString& directory, bool verbose)
{
    logging::add_common_attributes();
    const auto format = logging::expressions::stream
        << logging::expressions::format_date_time<boost::posix_time::ptime>("TimeStamp", "%Y-%m-%d %H:%M:%S")
        << " [" << logging::trivial::severity << "] " << logging::expressions::smessage;
    if (sink == Sink::Console || sink == Sink::ConsoleAndFile)
        logging::add_console_log(std::clog, logging::keywords::format = format);
    if ((sink == Sink::RotatingFile || sink == Sink::ConsoleAndFile) && !directory.isEmpty()) {
        QDir().mkpath(directory);
        logging::add_file_log(logging::keywords::file_name = QString(directory + QStringLiteral("/workstation_%N.log")).toStdString(),
                              logging::keywords::rotation_size = 5 * 1024 * 1024,
                              logging::keywords::max_files = 5,
                              logging::keywords::target = directory.toStdString(),
                              logging::keywords::auto_flush = true, logging::keywords::format = format);
    }
    logging::core::get()->set_filter(logging::trivial::severity >=
                                     (verbose ? logging::trivial::debug : logging::trivial::warning));
}

void debug(const QString& message) { write(logging::trivial::debug, message); }
void info(const QString& message) { write(logging::trivial::info, message); }
void warning(const QString& message) { write(logging::trivial::warning, message); }
void error(const QString& message) { write(logging::trivial::error, message); }

} // namespace alpr::diag
