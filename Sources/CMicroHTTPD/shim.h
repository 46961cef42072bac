#ifndef PRACTICA_CMICROHTTPD_SHIM_H
#define PRACTICA_CMICROHTTPD_SHIM_H
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* MHD_start_daemon is variadic, which Swift cannot call: every option goes
   through one MHD_OPTION_ARRAY instead. */
static inline struct MHD_Daemon *practica_mhd_start(unsigned int flags, uint16_t port,
                                                    MHD_AccessHandlerCallback handler, void *handler_cls,
                                                    struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* The request-completed callback goes through the array too; this returns it as an option item. */
static inline struct MHD_OptionItem practica_mhd_completed_option(MHD_RequestCompletedCallback callback, void *cls) {
    struct MHD_OptionItem item = { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)callback, cls };
    return item;
}

/* MHD_set_connection_option is variadic too: the one option used, the idle timeout in seconds (0: none). */
static inline enum MHD_Result practica_mhd_set_timeout(struct MHD_Connection *connection, unsigned int seconds) {
    return MHD_set_connection_option(connection, MHD_CONNECTION_OPTION_TIMEOUT, seconds);
}
#endif
