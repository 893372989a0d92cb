// libxml2's streaming reader (Debian `libxml2-dev`), for the VASP ingester in the `Ingest` target.
#ifndef CURATE_CLIBXML2_SHIM_H
#define CURATE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with Foundation's own ICU copy; the reader
// API never touches the ICU converter fields, so they are left out of this module's view.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#endif
