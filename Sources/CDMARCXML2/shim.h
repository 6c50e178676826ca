#ifndef CDMARC_XML2_SHIM_H
#define CDMARC_XML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's headers pull in system ICU, which clashes with Foundation's own ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/dict.h>

/* libxml2 prints some problems (an encoding it cannot convert) to stderr through a per-thread generic handler,
   whose type is variadic, which Swift cannot make: this one drops them (the structured handler gets them too). */
static void cdmarc_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void cdmarc_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, cdmarc_ignore_generic_error);
}
#endif
