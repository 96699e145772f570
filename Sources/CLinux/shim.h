// Linux calls the Swift Glibc module does not expose: epoll and eventfd for HTTPCore's event
// loops, and accept4 (declared by glibc only under _GNU_SOURCE) to accept non-blocking sockets
// in one call.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

int accept4(int socket, struct sockaddr *address, socklen_t *address_length, int flags);
