#!/usr/bin/env python3
"""Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording: top self-time methods, the methods of our
packages (live.blytz.*) by inclusive time, and the top stacks cut at their innermost live.blytz frame.
Usage: jfr_summary.py <recording.jfr> [top=15]   (needs `jfr` of the JDK on PATH)"""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)["recording"]["events"]


def name(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


LAYERS = [("Tomcat/Coyote (HTTP, sockets)", ("org.apache.",)), ("Spring Security", ("org.springframework.security.",)),
          ("Spring MVC dispatch", ("org.springframework.web.servlet.",)), ("Jackson", ("com.fasterxml.jackson.", "tools.jackson.")),
          ("Redisson/Netty (Redis client)", ("org.redisson.", "io.netty.")), ("pgjdbc", ("org.postgresql.",)),
          ("Hikari", ("com.zaxxer.",)), ("Micrometer/observation", ("io.micrometer.",)), ("Nimbus JOSE/JWT", ("com.nimbusds.",)),
          ("Resilience4j", ("io.github.resilience4j.",)), ("logging (logback/slf4j)", ("ch.qos.logback.", "org.slf4j.")),
          ("JFR/JVM internals", ("jdk.jfr.",))]
layers, filters = collections.Counter(), collections.Counter()
FILTER_METHODS = ("doFilter", "doFilterInternal", "doFilterNestedErrorDispatch", "invoke")
self_time, ours_incl, ours_stacks, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for e in events:
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    total += 1
    names = [name(f) for f in frames]  # innermost first
    self_time[names[0]] += 1
    thread = (e["values"].get("sampledThread") or {}).get("javaName") or "?"
    threads[thread.rstrip("0123456789-")] += 1
    for label, prefixes in LAYERS:
        if any(n.startswith(prefixes) for n in names):
            layers[label] += 1
    # the innermost servlet filter (or Tomcat valve) on the stack: its own work plus what it calls, short of the
    # next filter; "(handler)" is the DispatcherServlet's part (interceptors, controller, serialisation)
    owner = "(outside the filter chain)"
    for n in names:
        if n.startswith("org.springframework.web.servlet.DispatcherServlet."):
            owner = "(DispatcherServlet: interceptors, controller, serialisation)"
            break
        cls, _, method = n.rpartition(".")
        if method in FILTER_METHODS and ("Filter" in cls or "Valve" in cls) and "FilterChain" not in cls \
                and not cls.startswith("org.springframework.security.web.ObservationFilterChainDecorator"):
            owner = cls
            break
    filters[owner] += 1
    seen = set()
    for n in names:
        if n.startswith("live.blytz.") and n not in seen:
            ours_incl[n] += 1
            seen.add(n)
    ours = [i for i, n in enumerate(names) if n.startswith("live.blytz.")]
    if ours:
        i = ours[0]
        # the innermost of our frames, with what it called (2 frames) and its 2 callers of ours
        callee = " <- ".join(names[max(0, i - 2):i])
        callers = [names[j] for j in ours[1:3]]
        ours_stacks[(callee + " <- " if callee else "") + " <- ".join([names[i]] + callers)] += 1
    else:
        ours_stacks["(no live.blytz frame) " + " <- ".join(names[:3])] += 1


def pct(n):
    return f"{100.0 * n / total:5.1f}%"


print(f"samples: {total}")
print(f"\nthreads (share of samples):")
for t, n in threads.most_common(6):
    print(f"  {pct(n)}  {t}")
print("\nlayers on the stack (inclusive; a sample may count in several):")
for n, c in layers.most_common():
    print(f"  {pct(c)}  {n}")
print("\nby innermost servlet filter or valve (its own work and callees, short of the next filter):")
for n, c in filters.most_common(top):
    print(f"  {pct(c)}  {n}")
print(f"\ntop {top} self-time methods:")
for n, c in self_time.most_common(top):
    print(f"  {pct(c)}  {n}")
print(f"\ntop {top} live.blytz methods by inclusive time:")
for n, c in ours_incl.most_common(top):
    print(f"  {pct(c)}  {n}")
print(f"\ntop {top} stacks at their innermost live.blytz frame (callee <- ours <- callers):")
for n, c in ours_stacks.most_common(top):
    print(f"  {pct(c)}  {n}")
