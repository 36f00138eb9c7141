"""The load benchmark (make bench, make bench-smoke): see bench/run.py."""
