"""PyTorch side of the time-to-quality benchmark on the 2D checkerboard.

Runs any recipe fmlib's Recipe can express for a 2D flow, each piece as
fmlib implements it (fmlib/recipe.go, fmlib/train.go, fmlib/nn):

- data: the checkerboard of fmlib.CheckerboardSampler (x1 ~ U[-2, 2),
  x2 on the alternating unit squares, both divided by 0.45);
- network: an MLP on [x, t] (t appended as the last input column),
  `--depth` hidden layers of `--width` (or the widths `--hidden`) with SiLU
  (or `--activation`),
  nn.Linear's initialisation (fmlib draws from the same U(-1/sqrt(fan_in), +));
- loss: MSELoss (the mean over rows and coordinates) of the straight path
  of eq. 37, x_t = (1-t) x0 + t x1, target x1 - x0, t ~ U(0, 1) per row,
  x0 ~ N(0, I);
- optimiser: Adam (or AdamW) with betas (0.9, 0.999), eps 1e-8 (nn.Adam's
  defaults and PyTorch's, the same update formula; `--beta1`, `--beta2`,
  `--eps`, `--weight-decay`, `--clip-norm` as nn.Optimizer's), learning rate `--lr` after a linear warm-up
  lr*(s+1)/W over the first W = `--warmup` steps (s = steps taken), then
  constant or a half cosine to 0 at `--total-steps`, as
  nn.Optimizer.LearningRate;
- moving average: with `--ema-decay` d > 0, once `--ema-start` steps are
  taken the average starts from the current weights, and after every later
  step avg <- d*avg + (1-d)*weights (nn.Network.SetEMA and its update); the
  samples are drawn from the average once it exists, from the weights before;
- sampling: `--samples` noise points carried to t = 1 by Euler, midpoint,
  Heun or RK4 with `--solver-steps` steps (fmlib's fixed-step solvers);
- score: in_support (the fraction inside the 8 squares) and balance (the
  largest over the smallest square count), fmlib.CheckerboardQuality.

Each step is written the way a competent user writes one for a small
network: Adam(foreach=True), zero_grad(set_to_none=True). With
`--threads best` it first times `--probe` steps (at most 3 s) on a copy of the model at
one and at two threads (after a warm-up; the copy's random streams are its
own, so training is unchanged) and trains at the faster; with `--probe-only`
it stops after the probe (fmlib/quality_bench_test.go probes each
OPENBLAS_CORETYPE this way and trains at the fastest kernels and threads). At every
checkpoint step it stops the clock, samples and prints one JSON line
  {"step": …, "train_s": …, "in_support": …, "balance": …, "loss": …}
where train_s counts training only; the first line is {"info": {…}} with
the versions, the BLAS line and the thread counts. fmlib/quality_bench_test.go
runs it beside fmlib (`make bench-quality`); by hand, Recipe2D(20000, 1):
  /usr/bin/python3 bench/quality_torch.py --width 64 --lr 3e-3 --warmup 200 \
    --schedule cosine --ema-decay 0.995 --ema-start 500 --checkpoints 10000,20000
"""

import argparse
import copy
import json
import math
import os
import time

import torch

ACTIVATIONS = {"silu": torch.nn.SiLU, "relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "elu": torch.nn.ELU,
               "selu": torch.nn.SELU, "gelu": torch.nn.GELU}


def checkerboard(n, g):
    x1 = torch.rand(n, generator=g) * 4 - 2
    x2 = torch.rand(n, generator=g) - torch.randint(0, 2, (n,), generator=g) * 2
    x2 = x2 + torch.floor(x1) % 2
    return torch.stack([x1, x2], 1) / 0.45


def mlp(hidden, activation):
    layers, fan_in = [], 3
    for width in hidden:
        layers += [torch.nn.Linear(fan_in, width), ACTIVATIONS[activation]()]
        fan_in = width
    layers.append(torch.nn.Linear(fan_in, 2))
    return torch.nn.Sequential(*layers)


def learning_rate(args, done):
    """nn.Optimizer.LearningRate: the rate of the step after `done` steps."""
    if done < args.warmup:
        return args.lr * (done + 1) / args.warmup
    if args.schedule == "cosine":
        frac = min(1.0, (done - args.warmup) / (args.total_steps - args.warmup))
        return args.lr * 0.5 * (1 + math.cos(math.pi * frac))
    return args.lr


def velocity(model, x, t):
    return model(torch.cat([x, torch.full((x.shape[0], 1), t)], 1))


def sample(model, n, method, steps, g):
    """Carries n noise points to t = 1 with a fixed-step solver (fmlib/ode.go)."""
    x = torch.randn(n, 2, generator=g)
    h = 1.0 / steps
    with torch.no_grad():
        for k in range(steps):
            t = k * h
            if method == "euler":
                x = x + h * velocity(model, x, t)
            elif method == "midpoint":
                x = x + h * velocity(model, x + 0.5 * h * velocity(model, x, t), t + 0.5 * h)
            elif method == "heun":
                k1 = velocity(model, x, t)
                k2 = velocity(model, x + h * k1, t + h)
                x = x + 0.5 * h * (k1 + k2)
            else:
                k1 = velocity(model, x, t)
                k2 = velocity(model, x + 0.5 * h * k1, t + 0.5 * h)
                k3 = velocity(model, x + 0.5 * h * k2, t + 0.5 * h)
                k4 = velocity(model, x + h * k3, t + h)
                x = x + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
    return x


def quality(x):
    """in_support and balance of samples x (fmlib.CheckerboardQuality)."""
    a = x[:, 0].double() * 0.45
    b = x[:, 1].double() * 0.45
    inside = (a >= -2) & (a < 2) & (b >= -2) & (b < 2)
    col = torch.floor(a).clamp(-2, 1).long() + 2
    row = torch.floor(b).clamp(-2, 1).long() + 2
    ok = inside & ((col + row) % 2 == 0)
    square = (2 * row + col // 2)[ok]
    counts = torch.bincount(square, minlength=8)
    lo = counts.min().item()
    balance = counts.max().item() / lo if lo > 0 else math.inf
    return ok.double().mean().item(), balance


class Trainer:
    """One training run: the model, its optimiser, its average and its batch stream."""

    def __init__(self, args, model, g):
        self.args, self.model, self.g = args, model, g
        kind = torch.optim.AdamW if args.adamw else torch.optim.Adam
        self.opt = kind(model.parameters(), lr=args.lr, betas=(args.beta1, args.beta2), eps=args.eps,
                        weight_decay=args.weight_decay, foreach=True)
        self.done = 0
        self.avg = None  # the moving average's tensors, once started
        self.loss = float("nan")

    def step(self):
        a = self.args
        if a.ema_decay > 0 and self.avg is None and self.done >= a.ema_start:
            self.avg = [p.detach().clone() for p in self.model.parameters()]
        x1 = checkerboard(a.batch, self.g)
        x0 = torch.randn(a.batch, 2, generator=self.g)
        t = torch.rand(a.batch, 1, generator=self.g)
        xt = (1 - t) * x0 + t * x1
        loss = torch.nn.functional.mse_loss(self.model(torch.cat([xt, t], 1)), x1 - x0)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        if a.clip_norm > 0:
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), a.clip_norm)
        for group in self.opt.param_groups:
            group["lr"] = learning_rate(a, self.done)
        self.opt.step()
        self.done += 1
        if self.avg is not None:
            with torch.no_grad():
                params = [p.detach() for p in self.model.parameters()]
                torch._foreach_mul_(self.avg, a.ema_decay)
                torch._foreach_add_(self.avg, params, alpha=1 - a.ema_decay)
        return loss

    def sampling_model(self):
        """The network the recipe samples: the average once it exists (fmlib's Recipe.Model)."""
        if self.avg is None:
            return self.model
        m = copy.deepcopy(self.model)
        with torch.no_grad():
            for p, q in zip(m.parameters(), self.avg):
                p.copy_(q)
        return m


def probe_threads(args, model):
    """Seconds per step of a copy of the run at one and at two threads
    (`--probe` steps, or as many as fit in 3 s)."""
    out = {}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        tr = Trainer(args, copy.deepcopy(model), torch.Generator().manual_seed(12345))
        for _ in range(20):
            tr.step()
        start, n = time.perf_counter(), 0
        while n < args.probe and (n < 5 or time.perf_counter() - start < 3):
            tr.step()
            n += 1
        out[threads] = (time.perf_counter() - start) / n
    return out


def blas_line():
    for line in torch.__config__.show().splitlines():
        if "BLAS" in line:
            return "; ".join(s.strip() for s in line.split(",") if "BLAS" in s or "LAPACK" in s)
    return "unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--width", type=int, default=256)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--hidden", default="", help="comma-separated hidden widths (overrides --width, --depth)")
    p.add_argument("--activation", default="silu", choices=sorted(ACTIVATIONS))
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--eps", type=float, default=1e-8)
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--adamw", action="store_true", help="AdamW (decoupled weight decay) instead of Adam")
    p.add_argument("--clip-norm", type=float, default=0.0)
    p.add_argument("--warmup", type=int, default=0, help="linear warm-up steps")
    p.add_argument("--schedule", default="constant", choices=["constant", "cosine"])
    p.add_argument("--total-steps", type=int, default=0, help="where the cosine reaches 0 (default: the last checkpoint)")
    p.add_argument("--ema-decay", type=float, default=0.0)
    p.add_argument("--ema-start", type=int, default=0)
    p.add_argument("--solver", default="midpoint", choices=["euler", "midpoint", "heun", "rk4"])
    p.add_argument("--solver-steps", type=int, default=20)
    p.add_argument("--checkpoints", default="500,1000")
    p.add_argument("--samples", type=int, default=50000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", default="1", help="1, 2 or best (probe both, train at the faster)")
    p.add_argument("--probe", type=int, default=200, help="steps timed per thread count with --threads best")
    p.add_argument("--probe-only", action="store_true",
                   help="with --threads best: print the info line with the probe's times and stop")
    args = p.parse_args()
    checkpoints = sorted(int(s) for s in args.checkpoints.split(","))
    if args.total_steps == 0:
        args.total_steps = checkpoints[-1]
    if args.schedule == "cosine" and args.total_steps <= args.warmup:
        p.error("--total-steps must exceed --warmup for the cosine schedule")
    torch.manual_seed(args.seed)
    hidden = [int(w) for w in args.hidden.split(",")] if args.hidden else [args.width] * args.depth
    model = mlp(hidden, args.activation)
    info = {"torch": torch.__version__, "blas": blas_line(), "interop_threads": torch.get_num_interop_threads(),
            "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "")}
    if args.threads == "best":
        secs = probe_threads(args, model)
        threads = min(secs, key=secs.get)
        info["probe_ms_per_step"] = {str(k): round(v * 1000, 3) for k, v in secs.items()}
    else:
        threads = int(args.threads)
    torch.set_num_threads(threads)
    info["threads"] = threads
    print(json.dumps({"info": info}), flush=True)
    if args.probe_only:
        return
    tr = Trainer(args, model, torch.Generator().manual_seed(args.seed))
    # Sampling draws from its own stream, so the checkpoints do not change training.
    sample_g = torch.Generator().manual_seed(args.seed + 1)
    train_s = 0.0
    for stop in checkpoints:
        start = time.perf_counter()
        loss = None
        while tr.done < stop:
            loss = tr.step()
        train_s += time.perf_counter() - start
        if loss is not None:
            tr.loss = loss.item()
        x = sample(tr.sampling_model(), args.samples, args.solver, args.solver_steps, sample_g)
        in_support, balance = quality(x)
        print(json.dumps({"step": tr.done, "train_s": round(train_s, 3), "in_support": round(in_support, 4),
                          "balance": round(balance, 3), "loss": round(tr.loss, 4)}), flush=True)


if __name__ == "__main__":
    main()
