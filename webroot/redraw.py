#!/usr/bin/env python3
# Re-runs the final's presentation-order draw from its published seed, with nothing to install:
#   python3 redraw.py SEED CODE,CODE,...
# The algorithm and a worked example: docs/final-draw.md in the diemcau repository.
import sys

def java_random(seed):
    """java.util.Random: a 48-bit linear congruential generator (as its Javadoc specifies)."""
    state = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)
    def next_bits(bits):
        nonlocal state
        state = (state * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return state >> (48 - bits)
    def next_int(bound):
        r = next_bits(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:
            u = next_bits(31)
            r = u % bound
        return r
    return next_int

def draw(codes, seed):
    order = sorted(codes)
    next_int = java_random(seed)
    for i in range(len(order) - 1, 0, -1):
        j = next_int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order

if __name__ == "__main__":
    print(",".join(draw(sys.argv[2].split(","), int(sys.argv[1]))))
