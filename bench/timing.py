"""Timing shared by bench/startup and bench/replay: spawn to the first prompt on a
pseudo-terminal, spawn to exit, and medians of peers run interleaved (so both see the same
machine load)."""
import os
import pty
import select
import statistics
import time


def first_prompt(argv, prompt, env):
    """Seconds from fork to `prompt` appearing on the terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    seen = b""
    try:
        while prompt not in seen:
            ready, _, _ = select.select([fd], [], [], 5)
            if not ready:
                raise SystemExit(f"no prompt from {argv[0]} within 5 s; saw {seen!r}")
            seen += os.read(fd, 4096)
        return time.perf_counter() - start
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def to_exit(argv, env, stdin=None):
    """Seconds from spawn to exit, output discarded; fails unless the exit status is 0."""
    null = os.open(os.devnull, os.O_RDWR)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=[
        (os.POSIX_SPAWN_DUP2, stdin if stdin is not None else null, 0),
        (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(null)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} exited with status {os.waitstatus_to_exitcode(status)}")
    return elapsed


def interleaved_medians(peers, runs):
    """Runs each peer (name -> function returning seconds) `runs` times in turn; median ms."""
    times = {name: [] for name in peers}
    for _ in range(runs):
        for name, measure in peers.items():
            times[name].append(measure())
    return {name: statistics.median(values) * 1000 for name, values in times.items()}
