// Linux headers the Swift Glibc module does not include: epoll and eventfd for HTTPCore's event loops.
#include <sys/epoll.h>
#include <sys/eventfd.h>
