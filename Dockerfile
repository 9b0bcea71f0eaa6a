# flash-sync in a container: every step executable on PATH, run as a non-root user.
#   docker run --rm -v "$PWD:/work" -w /work ghcr.io/OWNER/flash-sync plan-sync --help
# Built and pushed to ghcr.io by .github/workflows/release.yml on every version tag.

# ── build: the official Swift toolchain image ──────────────────────────────────────────────────
FROM swift:6.1-noble AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /src
# Dependencies first, so a source change does not re-fetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
# The Swift runtime and Foundation linked in: the run stage needs no Swift toolchain. The steps
# are the `executables` of Package.swift (flash-bench, the benchmark, stays out).
RUN swift build -c release --static-swift-stdlib \
 && mkdir -p /out \
 && bin="$(swift build -c release --show-bin-path)" \
 && sed -n 's/^let executables = \[\(.*\)\]/\1/p' Package.swift | tr -d '" ' | tr ',' '\n' \
    | while read -r step; do install -m 0755 "$bin/$step" /out/; done \
 && test -x /out/plan-sync

# ── run: a slim Ubuntu with git and CA certificates ────────────────────────────────────────────
FROM ubuntu:24.04
# Versions are left to the 24.04 archive, which only ever ships security updates for them.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates git libcurl4t64 libxml2 tzdata zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --shell /usr/sbin/nologin flash-sync
COPY --from=build /out/ /usr/local/bin/
USER 10001
WORKDIR /home/flash-sync
# Each step is its own executable; with no command, list them.
CMD ["sh", "-c", "echo 'flash-sync steps:' && ls /usr/local/bin"]
