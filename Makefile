# renacer: one non-recursive Makefile. Objects go to $(B) (default build/),
# header dependencies come from -MMD -MP.
#
#   make              build/renacer
#   make test         unit tests (cmocka) + integration tests
#   make asan         the same tests under ASan + UBSan (in build-asan/)
#   make ubsan        the same tests under UBSan alone, every finding fatal (build-ubsan/)
#   make install      PREFIX=/usr/local DESTDIR=
#   make bench        the overhead benchmarks (bench/run; docs/benchmarks.md)
#   make check-regression  overhead ratios against bench/reference.json
#   make fuzz         each libFuzzer target for FUZZ_SECONDS (default 60), in build-fuzz/
#   make fuzz-quick   each target for 12 s, the filter parser 30 s (make test: t_rel_fuzz_quick.sh)
#   make stress       the long forms of the reliability tests (docs/reliability.md)
#   make soak         10 minutes of --summary-interval per backend, RSS sampled

B        ?= build
PREFIX   ?= /usr/local
CC       ?= cc
CLANG    ?= clang
BPFTOOL  ?= $(shell command -v bpftool 2>/dev/null || ls /usr/sbin/bpftool 2>/dev/null)
PKG_CONFIG ?= pkg-config

WARN     := -Wall -Wextra -Werror -Wshadow -Wno-missing-field-initializers
CFLAGS   ?= -O2 -g
CPPFLAGS += -D_GNU_SOURCE -I. -I$(B)
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP
LDLIBS   += -lm
# --metrics serves HTTP through libmicrohttpd (scripts/install-deps.sh installs it).
LDLIBS   += $(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd) -lpthread

# The eBPF backend compiles in when clang, bpftool and libbpf are all found;
# otherwise a stub backend says renacer was built without eBPF.
ifeq ($(origin HAVE_EBPF),undefined)
HAVE_EBPF := $(shell command -v $(CLANG) >/dev/null 2>&1 && test -n "$(BPFTOOL)" && \
	$(PKG_CONFIG) --exists libbpf 2>/dev/null && echo 1)
endif

LIB_SRCS := $(wildcard syscalls/*.c) $(filter-out frontend/main.c,$(wildcard frontend/*.c)) \
	    $(wildcard backends/*.c) $(wildcard backends/ptrace/*.c) $(wildcard backends/file/*.c) \
	    $(filter-out stats/%_avx2.c,$(wildcard stats/*.c))
AVX2_SRCS := $(wildcard stats/*_avx2.c)
BPF_SRCS := $(wildcard bpf/*.bpf.c)

ifeq ($(HAVE_EBPF),1)
LIB_SRCS += $(wildcard backends/ebpf/*.c)
CPPFLAGS += -DRN_HAVE_EBPF=1 $(shell $(PKG_CONFIG) --cflags libbpf)
LDLIBS   += $(shell $(PKG_CONFIG) --libs libbpf) -lelf -lz
SKELS    := $(patsubst bpf/%.bpf.c,$(B)/bpf/%.skel.h,$(BPF_SRCS))
else
LIB_SRCS += backends/ebpf_stub/ebpf_stub.c
SKELS    :=
endif

# Source correlation (-k, --source) needs libdwarf and libunwind-ptrace.
ifeq ($(origin HAVE_DWARF),undefined)
HAVE_DWARF := $(shell test -f /usr/include/libdwarf/libdwarf.h && \
	$(PKG_CONFIG) --exists libunwind-ptrace 2>/dev/null && echo 1)
endif
ifeq ($(HAVE_DWARF),1)
CPPFLAGS += -DRN_HAVE_DWARF=1 -I/usr/include/libdwarf
LDLIBS   += -ldwarf -lelf $(shell $(PKG_CONFIG) --libs libunwind-ptrace libunwind-generic)
endif

LIB_OBJS  := $(patsubst %.c,$(B)/%.o,$(LIB_SRCS)) $(patsubst %.c,$(B)/%.o,$(AVX2_SRCS))
GEN_HDRS  := $(B)/gen/syscalls_tbl.h $(B)/gen/decoders.h
MAIN_OBJ  := $(B)/frontend/main.o
LIB       := $(B)/librenacer.a
RENACER   := $(B)/renacer

TEST_SRCS    := $(wildcard tests/test_*.c)
TEST_BINS    := $(patsubst tests/%.c,$(B)/tests/%,$(TEST_SRCS))
TRACEE_SRCS  := $(wildcard tests/tracees/*.c)
TRACEE_BINS  := $(patsubst tests/tracees/%.c,$(B)/tracees/%,$(TRACEE_SRCS))
BENCH_SRCS   := $(wildcard bench/*.c)
BENCH_BINS   := $(patsubst bench/%.c,$(B)/bench/%,$(BENCH_SRCS))

.PHONY: all test unit integration asan ubsan install clean bench check-regression deps run
.DELETE_ON_ERROR:

all: $(RENACER)

$(RENACER): $(MAIN_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# Every object may include the generated syscall table (order-only: once
# built, the .d files name what each object really includes).
$(B)/%.o: %.c | $(GEN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The syscall table and the decoder prototypes come from syscalls/syscalls.def
# (docs/adding-a-syscall.md); the generator checks the rows against the UAPI header.
UNISTD_64_H ?= /usr/include/x86_64-linux-gnu/asm/unistd_64.h
GEN_DEPS := syscalls/syscalls.def syscalls/xlat_tables.c scripts/gen-syscalls.py

$(B)/gen/syscalls_tbl.h: $(GEN_DEPS)
	@mkdir -p $(@D)
	python3 scripts/gen-syscalls.py table $< $(UNISTD_64_H) > $@

$(B)/gen/decoders.h: $(GEN_DEPS)
	@mkdir -p $(@D)
	python3 scripts/gen-syscalls.py decls $< $(UNISTD_64_H) > $@

# The portable kernels round each multiply and add on their own whatever the
# CFLAGS (with -march=native the compiler would fuse them): where its fast path
# cannot decide, the AVX2 nearest kernel reproduces them bit for bit.
$(B)/stats/kernels.o: stats/kernels.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -ffp-contract=off -c -o $@ $<

# Only the eBPF backend includes the skeleton: its objects wait for it (once
# built, their .d files name it as a prerequisite like any header).
$(patsubst %.c,$(B)/%.o,$(wildcard backends/ebpf/*.c)): | $(SKELS)

# Only the AVX2 kernels are built with -mavx2; the CPU is checked at run time.
$(B)/stats/%_avx2.o: stats/%_avx2.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -mavx2 -mfma -c -o $@ $<

# --- BPF: vmlinux.h from the running kernel's BTF, CO-RE objects, skeletons.
VMLINUX_BTF ?= /sys/kernel/btf/vmlinux

$(B)/bpf/vmlinux.h:
	@mkdir -p $(@D)
	$(BPFTOOL) btf dump file $(VMLINUX_BTF) format c > $@

# -MMD -MP: the object depends on every header it includes (its .d file, read
# with the others at the end), so editing backends/hist.h rebuilds it.
$(B)/bpf/%.bpf.o: bpf/%.bpf.c $(B)/bpf/vmlinux.h
	@mkdir -p $(@D)
	$(CLANG) -g -O2 -target bpf -D__TARGET_ARCH_x86 -D__bpf__ -I$(B)/bpf -I. \
		$(shell $(PKG_CONFIG) --cflags libbpf) -Wall -Werror -MMD -MP -MF $(@:.o=.d) \
		-c $< -o $@

# Kept after the skeleton is made: its .d file names it, so a deleted object
# would be rebuilt (with a new skeleton and relink) by the next make.
.SECONDARY: $(patsubst bpf/%.bpf.c,$(B)/bpf/%.bpf.o,$(BPF_SRCS))

$(B)/bpf/%.skel.h: $(B)/bpf/%.bpf.o
	$(BPFTOOL) gen skeleton $< > $@

# --- tests
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

$(B)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(CMOCKA_LIBS) $(LDLIBS)

# Tracees are plain programs with debug info; some tests want more variants.
$(B)/tracees/%: tests/tracees/%.c
	@mkdir -p $(@D)
	$(CC) -D_GNU_SOURCE -std=gnu11 -Wall -Wextra -Werror -O1 -g -pthread $(TRACEE_CFLAGS_$*) \
		-o $@ $< -lpthread

$(B)/tracees/tail3: tests/tracees/tail3_cert.h

# Per-tracee flags: TRACEE_CFLAGS_name.
TRACEE_CFLAGS_stack_fp := -fno-omit-frame-pointer
TRACEE_CFLAGS_dlopen_call := -fno-omit-frame-pointer

# --source / -k tracees: one source, many builds. src_call-{pie,nopie}-{O0,O2}-
# {dw4,dw5}-{fp,nofp}; -lib with f1..f3 in libsrccall.so; -stripped; -debuglink
# with its DWARF in a separate file found through .gnu_debuglink.
SRC_VARIANTS := $(foreach p,pie nopie,$(foreach o,O0 O2,$(foreach d,dw4 dw5,\
		$(foreach f,fp nofp,src_call-$(p)-$(o)-$(d)-$(f)))))
SRC_TRACEES  := $(addprefix $(B)/tracees/src/,$(SRC_VARIANTS) src_call-lib \
		src_call-stripped src_call-debuglink src_call-buildid)
TRACEE_BINS  += $(SRC_TRACEES)
src_flags = $(if $(findstring nopie,$(1)),-fno-pie -no-pie,-fpie -pie) \
	    $(if $(findstring -O2,$(1)),-O2,-O0) $(if $(findstring dw4,$(1)),-gdwarf-4,-gdwarf-5) \
	    $(if $(findstring nofp,$(1)),-fomit-frame-pointer,-fno-omit-frame-pointer)
SRC_CC = $(CC) -D_GNU_SOURCE -std=gnu11 -Wall -Wextra -Werror

# (Two rules: a pattern rule with two targets would mean one recipe makes both.)
$(B)/tracees/src/src_call-%-fp: tests/tracees/src_call.c
	@mkdir -p $(@D)
	$(SRC_CC) $(call src_flags,$(notdir $@)) -o $@ $<

$(B)/tracees/src/src_call-%-nofp: tests/tracees/src_call.c
	@mkdir -p $(@D)
	$(SRC_CC) $(call src_flags,$(notdir $@)) -o $@ $<

$(B)/tracees/src/libsrccall.so: tests/tracees/src_call.c
	@mkdir -p $(@D)
	$(SRC_CC) -DSRC_CALL_BUILD_LIB -O2 -g -fPIC -shared -o $@ $<

$(B)/tracees/src/src_call-lib: tests/tracees/src_call.c $(B)/tracees/src/libsrccall.so
	$(SRC_CC) -DSRC_CALL_LIB -O0 -g -o $@ $< -L$(@D) -lsrccall -Wl,-rpath,'$$ORIGIN'

$(B)/tracees/src/src_call-stripped: $(B)/tracees/src/src_call-pie-O2-dw5-nofp
	strip -o $@ $<

$(B)/tracees/src/src_call-debuglink: $(B)/tracees/src/src_call-pie-O0-dw5-fp
	cd $(@D) && objcopy --only-keep-debug $(<F) src_call-debuglink.debug && \
		objcopy --strip-debug --add-gnu-debuglink=src_call-debuglink.debug $(<F) $(@F)

# DWARF moved to debug/.build-id/xx/yyyy.debug under the tracee directory
# (the test points RENACER_DEBUG_DIR there); the binary keeps its symbols.
$(B)/tracees/src/src_call-buildid: $(B)/tracees/src/src_call-nopie-O2-dw4-fp
	cd $(@D) && id=$$(readelf -n $(<F) | sed -n 's/.*Build ID: //p') && \
		test -n "$$id" && mkdir -p debug/.build-id/$${id%$${id#??}} && \
		objcopy --only-keep-debug $(<F) debug/.build-id/$${id%$${id#??}}/$${id#??}.debug && \
		objcopy --strip-debug $(<F) $(@F)

$(B)/bench/%: bench/%.c
	@mkdir -p $(@D)
	$(CC) -D_GNU_SOURCE -std=gnu11 -Wall -Wextra -Werror -O2 -o $@ $<

# Static: its injected openat must not meet the dynamic loader's (which
# would fail to open libc.so.6 under -e inject=openat:error=ENOENT).
$(B)/bench/inject_loop: bench/inject_loop.c
	@mkdir -p $(@D)
	$(CC) -D_GNU_SOURCE -std=gnu11 -Wall -Wextra -Werror -O2 -static -o $@ $<

# The statistics benchmarks drive the engine, so they link the library (the
# more specific pattern wins over the one above).
$(B)/bench/stats_%: bench/stats_%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# The seccomp floor measures renacer's own filter program, so it links it too.
$(B)/bench/seccomp_floor: bench/seccomp_floor.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

unit: $(TEST_BINS)
	@B=$(B) sh tests/run-unit.sh $(TEST_BINS)

integration: $(RENACER) $(TRACEE_BINS) $(BENCH_BINS)
	@B=$(B) RENACER=$(abspath $(RENACER)) bash tests/run-integration.sh

test: deps
	@$(MAKE) --no-print-directory all $(TEST_BINS) $(TRACEE_BINS) $(BENCH_BINS)
	@B=$(B) RENACER=$(abspath $(RENACER)) bash tests/run-all.sh $(TEST_BINS)

# The main job on a fresh machine: install what is missing, build, and trace
# something real (a shell pipeline, following its children).
run: deps
	@$(MAKE) --no-print-directory all
	$(RENACER) -f -- sh -c 'ls -la /etc | wc -l'

# Installs missing Debian packages (no-op when everything is present).
deps:
	@bash scripts/install-deps.sh

asan:
	@$(MAKE) --no-print-directory test B=build-asan \
		EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined"

# Shell completion: options, backends, -e qualifiers and the syscall names of
# syscalls/syscalls.def.
COMPLETIONS := $(B)/completion/renacer.bash $(B)/completion/_renacer
$(B)/completion/renacer.bash: completion/renacer.bash.in syscalls/syscalls.def
$(B)/completion/_renacer: completion/_renacer.in syscalls/syscalls.def
$(COMPLETIONS):
	@mkdir -p $(@D)
	sed "s/@SYSCALLS@/$$(awk '$$1 ~ /^[0-9]+$$/ {printf "%s%s", sep, $$2; sep=" "}' \
		syscalls/syscalls.def)/" $< > $@

# UBSan alone (no ASan: its shadow memory and interceptors out of the way),
# every finding fatal.
ubsan:
	@$(MAKE) --no-print-directory test B=build-ubsan \
		EXTRA_CFLAGS="-fsanitize=undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=undefined"

install: $(RENACER) $(COMPLETIONS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 0755 $(RENACER) $(DESTDIR)$(PREFIX)/bin/renacer
	install -m 0644 docs/renacer.1 $(DESTDIR)$(PREFIX)/share/man/man1/renacer.1
	install -m 0644 $(B)/completion/renacer.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/renacer
	install -m 0644 $(B)/completion/_renacer $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_renacer

# BENCH_ARGS passes options to bench/run (e.g. BENCH_ARGS="--runs 9 --groups main").
bench: $(RENACER) $(BENCH_BINS) $(B)/tracees/readloop
	B=$(B) RENACER=$(abspath $(RENACER)) python3 bench/run $(BENCH_ARGS)

# Fails when a ratio measured now (renacer-ptrace/strace, renacer-ebpf/baseline) is
# more than the tolerance worse than bench/reference.json.
check-regression: $(RENACER) $(BENCH_BINS) $(B)/tracees/readloop
	B=$(B) RENACER=$(abspath $(RENACER)) python3 bench/run --check-regression $(BENCH_ARGS)

# --- fuzzing: libFuzzer targets tests/fuzz/fuzz_NAME.c, seeds in tests/fuzz/corpus/NAME/,
# optional dictionary tests/fuzz/NAME.dict, extra libFuzzer flags tests/fuzz/NAME.options.
# The sources they need (FUZZ_LIB_SRCS) are
# rebuilt with clang, coverage, ASan and UBSan in $(FUZZ_B); new inputs go to
# $(FUZZ_B)/corpus/NAME, crashes to $(FUZZ_B)/artifacts/, the log to $(FUZZ_B)/fuzz-NAME.log.
# A smaller ASan quarantine keeps RSS near 100 MB on this shared machine.
# Skips loudly when clang has no libFuzzer.
FUZZ_B        ?= build-fuzz
FUZZ_SECONDS  ?= 60
# FUZZ_SECONDS_NAME, when set, is target NAME's own time (fuzz-quick sets filter's).
FUZZ_TARGETS  ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
# Every frontend and stats source and the seccomp program generator (the filter
# module builds its program with it), in an archive: a target links only what it uses.
FUZZ_LIB_SRCS := $(wildcard syscalls/*.c) $(filter-out frontend/main.c,$(wildcard frontend/*.c)) \
		 $(filter-out stats/%_avx2.c,$(wildcard stats/*.c)) backends/ptrace/seccomp_prog.c \
		 backends/wake.c backends/proc_ident.c $(wildcard backends/file/*.c) \
		 backends/ebpf_stub/ebpf_stub.c
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_B)/%.o,$(FUZZ_LIB_SRCS) $(AVX2_SRCS))
FUZZ_LIB      := $(FUZZ_B)/libfuzz.a
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_ENV      := ASAN_OPTIONS=$${ASAN_OPTIONS:-quarantine_size_mb=64}
HAVE_LIBFUZZER = $(shell echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | \
	$(CLANG) -fsanitize=fuzzer -x c - -o /dev/null 2>/dev/null && echo 1)

.PHONY: fuzz fuzz-quick fuzz-lib
fuzz-lib:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(CLANG) HAVE_EBPF=0 HAVE_DWARF=0 \
		EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_LIB_OBJS)
	@rm -f $(FUZZ_LIB) && $(AR) rcs $(FUZZ_LIB) $(FUZZ_LIB_OBJS)

# The ELF/DWARF reader lives in the ptrace backend and needs libdwarf/libelf.
FUZZ_ELF_SRCS := backends/ptrace/sym.c backends/ptrace/cfi.c
$(FUZZ_B)/fuzz/fuzz_elf: tests/fuzz/fuzz_elf.c $(FUZZ_ELF_SRCS) backends/ptrace/unwind.h
	@mkdir -p $(@D)
	$(CLANG) -D_GNU_SOURCE -DRN_HAVE_DWARF=1 -I. -I/usr/include/libdwarf -std=gnu11 -g -O1 -Wall -Wextra \
		-Werror -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_ELF_SRCS) -ldwarf -lelf -lz

$(FUZZ_B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c fuzz-lib
	@mkdir -p $(@D)
	$(CLANG) -D_GNU_SOURCE -I. -Itests/fuzz -std=gnu11 -g -O1 -Wall -Wextra -Werror \
		-fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_LIB) -lm \
		$(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd) -lpthread

fuzz:
ifeq ($(HAVE_LIBFUZZER),1)
	@set -e; for ts in $(foreach t,$(FUZZ_TARGETS),$(t):$(or $(FUZZ_SECONDS_$(t)),$(FUZZ_SECONDS))); do \
		t=$${ts%:*}; secs=$${ts#*:}; \
		$(MAKE) --no-print-directory $(FUZZ_B)/fuzz/fuzz_$$t; \
		mkdir -p $(FUZZ_B)/corpus/$$t $(FUZZ_B)/artifacts; \
		dict=; test -f tests/fuzz/$$t.dict && dict=-dict=tests/fuzz/$$t.dict; \
		opts=; test -f tests/fuzz/$$t.options && opts=$$(cat tests/fuzz/$$t.options); \
		echo "fuzz: $$t for $$secs s"; \
		$(FUZZ_ENV) $(FUZZ_B)/fuzz/fuzz_$$t -max_total_time=$$secs -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 $$dict $$opts \
			-artifact_prefix=$(FUZZ_B)/artifacts/$$t- \
			$(FUZZ_B)/corpus/$$t tests/fuzz/corpus/$$t 2>$(FUZZ_B)/fuzz-$$t.log || \
			{ tail -40 $(FUZZ_B)/fuzz-$$t.log; echo "fuzz: $$t FAILED"; exit 1; }; \
		grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
			$(FUZZ_B)/fuzz-$$t.log; \
		grep -E '^Done [0-9]+ runs in [0-9]+ second' $(FUZZ_B)/fuzz-$$t.log | tail -1; \
		echo "fuzz: $$t ok"; \
	done
else
	@echo "fuzz: SKIPPED: $(CLANG) cannot link -fsanitize=fuzzer (install libclang-rt-dev)"
endif

# Every target for FUZZ_QUICK_SECONDS, the filter expression parser for
# FUZZ_QUICK_SECONDS_filter (issue #4: make test fuzzes it for at least 30 s)
# (tests/integration/t_rel_fuzz_quick.sh runs it).
FUZZ_QUICK_SECONDS ?= 12
FUZZ_QUICK_SECONDS_filter ?= 30
fuzz-quick:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_QUICK_SECONDS) \
		FUZZ_SECONDS_filter=$(FUZZ_QUICK_SECONDS_filter)

# --- reliability: the long forms of the tests/integration/t_rel_*.sh checks.
# stress: 64 threads x 20,000 calls and 500 processes on both backends (exact
# counts), 100,000 signals, the hostile tracee. soak: SOAK_SECONDS (600) of
# --summary-interval over a busy program per backend, renacer's RSS sampled.
.PHONY: stress soak
stress: $(RENACER) $(TRACEE_BINS)
	@set -e; export B=$(B) RENACER=$(abspath $(RENACER)) TRACEES=$(abspath $(B)/tracees); \
	for t in load signals hostile faults; do \
		echo "stress: t_rel_$$t"; \
		REL_SCALE=full REL_SIGNALS=100000 bash tests/integration/t_rel_$$t.sh; \
	done

soak: $(RENACER) $(TRACEE_BINS)
	@B=$(B) RENACER=$(abspath $(RENACER)) TRACEES=$(abspath $(B)/tracees) bash tests/rel_soak.sh

clean:
	rm -rf build build-asan build-ubsan build-fuzz

-include $(shell find $(B) -name '*.d' 2>/dev/null)
