"""PyTorch reference of issue 9 (time to quality on the 2D checkerboard).

Trains Meta flow_matching's 2D configuration — the checkerboard (x1 ~ U[−2,2),
x2 on the alternating unit squares, both divided by 0.45), the CondOT path
x_t = (1−t)x0 + t·x1 with target x1 − x0, t ~ U(0,1) per row, x0 ~ N(0, I),
Adam(lr=1e-3), an MLP of SiLU layers on [x, t] (nn.Linear initialisation) —
on one thread, and at every checkpoint step stops the clock, draws SAMPLES
noise points, integrates them with the midpoint rule in 20 steps (40 field
evaluations) and prints one JSON line
  {"step": …, "train_s": …, "in_support": …, "balance": …, "loss": …}
where train_s counts training only, in_support is the fraction of samples
inside the 8 squares and balance the largest over the smallest square count
(the measure of fmlib.CheckerboardQuality). fmlib/quality_bench_test.go runs
it beside gophlow's training; by hand:
  /usr/bin/python3 bench/quality_torch.py --width 256 --batch 1024 --checkpoints 1000,3000
"""

import argparse
import json
import math
import time

import torch


def checkerboard(n, g):
    x1 = torch.rand(n, generator=g) * 4 - 2
    x2 = torch.rand(n, generator=g) - torch.randint(0, 2, (n,), generator=g) * 2
    x2 = x2 + torch.floor(x1) % 2
    return torch.stack([x1, x2], 1) / 0.45


def mlp(width, depth):
    layers, fan_in = [], 3
    for _ in range(depth):
        layers += [torch.nn.Linear(fan_in, width), torch.nn.SiLU()]
        fan_in = width
    layers.append(torch.nn.Linear(fan_in, 2))
    return torch.nn.Sequential(*layers)


def velocity(model, x, t):
    return model(torch.cat([x, torch.full((x.shape[0], 1), t)], 1))


def sample_midpoint(model, n, steps, g):
    x = torch.randn(n, 2, generator=g)
    h = 1.0 / steps
    with torch.no_grad():
        for k in range(steps):
            t = k * h
            mid = x + 0.5 * h * velocity(model, x, t)
            x = x + h * velocity(model, mid, t + 0.5 * h)
    return x


def quality(x):
    """in_support and balance of samples x against the checkerboard."""
    a = (x[:, 0] * 0.45).double()
    b = (x[:, 1] * 0.45).double()
    inside = (a >= -2) & (a < 2) & (b >= -2) & (b < 2)
    col = torch.floor(a).clamp(-2, 1).long() + 2
    row = torch.floor(b).clamp(-2, 1).long() + 2
    ok = inside & ((col + row) % 2 == 0)
    square = (2 * row + col // 2)[ok]
    counts = torch.bincount(square, minlength=8)
    lo = counts.min().item()
    balance = counts.max().item() / lo if lo > 0 else math.inf
    return ok.double().mean().item(), balance


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--width", type=int, default=256)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--checkpoints", default="500,1000")
    p.add_argument("--samples", type=int, default=50000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    g = torch.Generator().manual_seed(args.seed)
    # Sampling draws from its own stream, so the checkpoints do not change training.
    sample_g = torch.Generator().manual_seed(args.seed + 1)
    model = mlp(args.width, args.depth)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    checkpoints = sorted(int(s) for s in args.checkpoints.split(","))
    train_s, step = 0.0, 0
    for stop in checkpoints:
        start = time.perf_counter()
        while step < stop:
            x1 = checkerboard(args.batch, g)
            x0 = torch.randn(args.batch, 2, generator=g)
            t = torch.rand(args.batch, 1, generator=g)
            xt = (1 - t) * x0 + t * x1
            loss = torch.nn.functional.mse_loss(model(torch.cat([xt, t], 1)), x1 - x0)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
        train_s += time.perf_counter() - start
        in_support, balance = quality(sample_midpoint(model, args.samples, 20, sample_g))
        print(json.dumps({"step": step, "train_s": round(train_s, 3), "in_support": round(in_support, 4),
                          "balance": round(balance, 3), "loss": round(loss.item(), 4)}), flush=True)


if __name__ == "__main__":
    main()
