// SPDX-License-Identifier: MIT
/*
 * --metrics: GET /metrics over HTTP, served by libmicrohttpd in a thread of
 * its own (see metrics.h). renacer binds the listening socket itself, so a
 * busy port or a bad address is a precise one-line error at start-up.
 *
 * The server thread blocks every signal: process-directed signals (SIGALRM of
 * --summary-interval, SIGINT, SIGCHLD) must reach the tracing thread, whose
 * blocking wait they are there to interrupt.
 */
#include "metrics.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* A scraper that connects and never reads is dropped after this long. */
#define SCRAPE_TIMEOUT_S	10
#define MAX_CONNECTIONS		32

struct rn_metrics_server {
	struct MHD_Daemon *mhd;
	int fd;
	unsigned port;
	pthread_mutex_t lock;
	char *text;		/* the last snapshot published */
	size_t len;
	__u64 scrapes;
};

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, const char *type,
			     const char *body, size_t len)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	ret = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **req_cls)
{
	static const char nf[] = "renacer serves /metrics\n";
	struct rn_metrics_server *s = cls;
	enum MHD_Result ret;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)req_cls;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain", "", 0);
	if (strcmp(url, "/metrics") && strcmp(url, "/"))
		return reply(conn, MHD_HTTP_NOT_FOUND, "text/plain", nf, sizeof(nf) - 1);
	pthread_mutex_lock(&s->lock);
	s->scrapes++;
	/* copied under the lock: the next publish may free the snapshot */
	ret = reply(conn, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
		    s->text ? s->text : "", s->len);
	pthread_mutex_unlock(&s->lock);
	return ret;
}

/* "[ADDR:]PORT", "[V6ADDR]:PORT": fills ss. 0 or -EINVAL. */
static int parse_spec(const char *spec, struct sockaddr_storage *ss, socklen_t *sl)
{
	char host[128] = "127.0.0.1";
	const char *port = spec, *colon = strrchr(spec, ':');
	char *end;
	unsigned long p;

	if (colon) {
		size_t n = (size_t)(colon - spec);

		if (spec[0] == '[' && n >= 2 && spec[n - 1] == ']')
			snprintf(host, sizeof(host), "%.*s", (int)(n - 2), spec + 1);
		else if (n > 0 && n < sizeof(host))
			snprintf(host, sizeof(host), "%.*s", (int)n, spec);
		else
			return -EINVAL;
		port = colon + 1;
	}
	errno = 0;
	p = strtoul(port, &end, 10);
	if (!*port || *end || errno || p > 65535)
		return -EINVAL;
	memset(ss, 0, sizeof(*ss));
	struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;

	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((unsigned short)p);
		*sl = sizeof(*v4);
	} else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((unsigned short)p);
		*sl = sizeof(*v6);
	} else {
		return -EINVAL;
	}
	return 0;
}

static int listen_on(const struct sockaddr_storage *ss, socklen_t sl, unsigned *port)
{
	int one = 1, fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	struct sockaddr_storage got;
	socklen_t gl = sizeof(got);

	if (fd < 0)
		return -errno;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (const struct sockaddr *)ss, sl) || listen(fd, 16) ||
	    getsockname(fd, (struct sockaddr *)&got, &gl)) {
		int err = -errno;

		close(fd);
		return err;
	}
	*port = ntohs(got.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&got)->sin6_port
						 : ((struct sockaddr_in *)&got)->sin_port);
	return fd;
}

static struct MHD_Daemon *start_daemon(struct rn_metrics_server *s)
{
	sigset_t all, old;
	struct MHD_Daemon *d;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);	/* inherited by MHD's thread */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL, 0, NULL, NULL,
			     on_request, s,
			     MHD_OPTION_LISTEN_SOCKET, s->fd,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SCRAPE_TIMEOUT_S,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
			     MHD_OPTION_END);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return d;
}

struct rn_metrics_server *rn_metrics_server_start(const char *spec, char *err, size_t errlen)
{
	struct rn_metrics_server *s;
	struct sockaddr_storage ss;
	socklen_t sl;
	int ret;

	if (parse_spec(spec, &ss, &sl)) {
		snprintf(err, errlen, "--metrics=%s: expected [ADDR:]PORT (e.g. 9464 or "
			 "0.0.0.0:9464)", spec);
		errno = EINVAL;
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "--metrics: %s", strerror(errno));
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	s->fd = listen_on(&ss, sl, &s->port);
	if (s->fd < 0) {
		ret = s->fd;
		snprintf(err, errlen, "cannot serve metrics on %s: %s", spec, strerror(-ret));
		goto fail;
	}
	s->mhd = start_daemon(s);
	if (!s->mhd) {
		ret = -EIO;
		snprintf(err, errlen, "cannot serve metrics on %s: libmicrohttpd did not start",
			 spec);
		close(s->fd);
		goto fail;
	}
	return s;
fail:
	pthread_mutex_destroy(&s->lock);
	free(s);
	errno = -ret;
	return NULL;
}

int rn_metrics_server_publish(struct rn_metrics_server *s, const char *text, size_t len)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, text, len);
	copy[len] = '\0';
	pthread_mutex_lock(&s->lock);
	free(s->text);
	s->text = copy;
	s->len = len;
	pthread_mutex_unlock(&s->lock);
	return 0;
}

__u64 rn_metrics_server_scrapes(const struct rn_metrics_server *s)
{
	__u64 n;

	pthread_mutex_lock((pthread_mutex_t *)&s->lock);
	n = s->scrapes;
	pthread_mutex_unlock((pthread_mutex_t *)&s->lock);
	return n;
}

unsigned rn_metrics_server_port(const struct rn_metrics_server *s)
{
	return s->port;
}

void rn_metrics_server_stop(struct rn_metrics_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->mhd);	/* closes the listening socket it was given */
	pthread_mutex_destroy(&s->lock);
	free(s->text);
	free(s);
}
