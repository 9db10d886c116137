// A stand-in for `alprctl recognize` so the command is tested as a process (stdout, stderr, exit code) without
// the rest of alprctl.
#include "cli/RecognizeCommand.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return alpr::cli::runRecognizeCommand(app.arguments().mid(1));
}
