#ifndef CDMARC_XML2_SHIM_H
#define CDMARC_XML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's headers pull in system ICU, which clashes with Foundation's own ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/dict.h>
#endif
