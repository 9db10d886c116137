#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl hotlist import FILE --format ncic|cadoj|csv --name NAME [...] | list | versions LIST | entries LIST
///         | entry add PLATE ... | entry remove ID --reason TEXT | settings [...]   (alprctl hotlist --help)
int runHotlistCommand(CliContext& context);

} // namespace alpr::cli
