#ifndef NQP_CLIBXML2_SHIM_H
#define NQP_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers clash with Foundation's own ICU copy on a clean build
   ("'UErrorCode' has different definitions in different modules"). Hiding ICU costs two trailing
   pointer fields of xmlCharEncodingHandler that nqp never touches. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a C global function pointer: Swift 6 refuses to read it as mutable global state. */
static inline void nqp_xmlFree(void *p) { xmlFree(p); }
#endif
