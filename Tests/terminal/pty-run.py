#!/usr/bin/env python3
"""Runs a command with its stderr (and stdout, unless --stdout-pipe) on a pseudo-terminal of a given size.

Prints one JSON object: "terminal" (everything written to the terminal, in order), "stdout" (when piped) and
"status". With --stdin-delay S, standard input is a pipe that stays open S seconds, then gets --stdin-file.
"""
import argparse, fcntl, json, os, pty, select, struct, subprocess, sys, termios, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--cols", type=int, default=80)
parser.add_argument("--stdout-pipe", action="store_true")
parser.add_argument("--stdin-delay", type=float, default=0)
parser.add_argument("--stdin-file")
parser.add_argument("command", nargs=argparse.REMAINDER)
options = parser.parse_args()
command = options.command[1:] if options.command[:1] == ["--"] else options.command

master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, options.cols, 0, 0))
attributes = termios.tcgetattr(slave)
attributes[1] &= ~termios.ONLCR  # keep "\n" as written, not "\r\n"
termios.tcsetattr(slave, termios.TCSANOW, attributes)

stdin = subprocess.PIPE if options.stdin_delay or options.stdin_file else subprocess.DEVNULL
process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.PIPE if options.stdout_pipe else slave,
                           stderr=slave, close_fds=True)
os.close(slave)

def feed():
    time.sleep(options.stdin_delay)
    if options.stdin_file:
        with open(options.stdin_file, "rb") as source:
            process.stdin.write(source.read())
    process.stdin.close()

if stdin == subprocess.PIPE:
    threading.Thread(target=feed, daemon=True).start()
piped = []
if options.stdout_pipe:
    reader = threading.Thread(target=lambda: piped.append(process.stdout.read()), daemon=True)
    reader.start()
terminal = b""
while True:
    ready, _, _ = select.select([master], [], [], 30)
    if not ready:
        break
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: every writer closed the terminal
        break
    if not chunk:
        break
    terminal += chunk
status = process.wait()
if options.stdout_pipe:
    reader.join()
json.dump({"terminal": terminal.decode("utf-8", "replace"),
           "stdout": piped[0].decode("utf-8", "replace") if piped else None, "status": status}, sys.stdout)
