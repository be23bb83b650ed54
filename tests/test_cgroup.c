// SPDX-License-Identifier: MIT
/*
 * Unit tests for frontend/cgroup.c: the container a cgroup path names, for
 * the layouts of docker (systemd and cgroupfs drivers), containerd under
 * Kubernetes, CRI-O, podman and plain systemd units.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "frontend/cgroup.h"

#define ID64 "3f1c2a9b8d7e6f50412a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80"

static void expect_container(const char *path, const char *kind, const char *id)
{
	char out[RN_CONTAINER_MAX];
	const char *k = rn_cgroup_container_of(path, out, sizeof(out));

	if (!kind) {
		assert_null(k);
		assert_string_equal(out, "");
		return;
	}
	assert_non_null(k);
	assert_string_equal(k, kind);
	assert_string_equal(out, id);
}

static void test_docker(void **state)
{
	(void)state;
	expect_container("/system.slice/docker-" ID64 ".scope", "docker", ID64);
	expect_container("/docker/" ID64, "docker", ID64);
	/* a container's own sub-cgroup (cgroupns) still names it */
	expect_container("/system.slice/docker-" ID64 ".scope/init.scope", "docker", ID64);
}

static void test_kubernetes(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1234_5678."
			 "slice/cri-containerd-" ID64 ".scope", "containerd", ID64);
	expect_container("/kubepods/burstable/pod0a1b2c3d-0000-1111-2222-333344445555/" ID64,
			 "kubepods", ID64);
	expect_container("/kubepods.slice/kubepods-pod1.slice/crio-" ID64 ".scope", "crio", ID64);
	expect_container("/machine.slice/crio-" ID64, "crio", ID64);
}

static void test_podman(void **state)
{
	(void)state;
	expect_container("/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID64
			 ".scope/container", "podman", ID64);
	/* conmon is podman's monitor, not the container */
	expect_container("/machine.slice/libpod-conmon-" ID64 ".scope", "systemd",
			 "libpod-conmon-" ID64 ".scope");
}

static void test_systemd(void **state)
{
	(void)state;
	expect_container("/user.slice/user-1000.slice/session-3.scope", "systemd",
			 "session-3.scope");
	expect_container("/user.slice", "systemd", "user.slice");
	/* a service is not named: its slice is not the innermost component */
	expect_container("/system.slice/cron.service", NULL, NULL);
}

static void test_none(void **state)
{
	char out[8];

	(void)state;
	expect_container("/", NULL, NULL);
	expect_container("", NULL, NULL);
	expect_container("/renacer-test", NULL, NULL);
	/* too short, not hex: not ids */
	expect_container("/docker/abc", NULL, NULL);
	expect_container("/system.slice/docker-xyz.scope", "systemd", "docker-xyz.scope");
	expect_container("/docker/" ID64 "x", NULL, NULL);
	/* a small buffer is cut, still terminated */
	assert_string_equal(rn_cgroup_container_of("/docker/" ID64, out, sizeof(out)), "docker");
	assert_string_equal(out, "3f1c2a9");
}

static void test_resolve_errors(void **state)
{
	char err[512] = "";
	char *p;

	(void)state;
	p = rn_cgroup_resolve("/no/such/cgroup-renacer", err, sizeof(err));
	assert_null(p);
	if (rn_cgroup_mount()) {
		/* a wrong path says where cgroup v2 is */
		assert_non_null(strstr(err, "cgroup v2 is mounted at"));
		assert_non_null(strstr(err, rn_cgroup_mount()));
	}
	p = rn_cgroup_resolve("/etc", err, sizeof(err));
	assert_null(p);
	p = rn_cgroup_resolve("feedfacefeedface", err, sizeof(err));
	assert_null(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docker),
		cmocka_unit_test(test_kubernetes),
		cmocka_unit_test(test_podman),
		cmocka_unit_test(test_systemd),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_resolve_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
