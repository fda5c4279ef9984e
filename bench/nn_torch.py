"""PyTorch reference for fmlib's network benchmarks, run by `make bench`.

fmlib/train_bench_test.go (TestBenchNetworkVsPyTorch) runs this script with
Debian's /usr/bin/python3 and python3-torch and prints, per configuration,
  bench NAME torch_ms=… fmlib_ms=… ratio=…   (ratio = torch / fmlib)
Each configuration here mirrors the Go one exactly: the same MLP (x with t
appended as one input column, Linear layers initialised by PyTorch, the
same activation), the same batch, Adam(lr=1e-3) with PyTorch's defaults,
the straight path of eq. 37 (x_t = (1−t)x0 + t·x1, target x1 − x0, t ~ U(0,1)
per row, x1 drawn with replacement from a fixed set of 100,000 points, x0 ~
N(0, I)), fixed-step RK4 for sampling and Euler for the exact log-likelihood
(eq. 14, one autograd pass per dimension for the divergence, as the PyTorch
libraries do). Every timing is the faster of torch.set_num_threads(1) and (2).
The script runs the configurations named on its command line (all without
arguments) and prints one JSON object {name: milliseconds} on stdout; the
Go side calls it once per round of a configuration, right after timing fmlib
on it, so both see the same machine load, and compares the medians of three
rounds."""

import json
import math
import sys
import time

import torch

DATA_POINTS = 100_000


class Field(torch.nn.Module):
    """u_θ(t, x): an MLP on [x, t]."""

    def __init__(self, hidden, activation):
        super().__init__()
        layers, width = [], 3
        for h in hidden:
            layers += [torch.nn.Linear(width, h), activation()]
            width = h
        layers.append(torch.nn.Linear(width, 2))
        self.net = torch.nn.Sequential(*layers)

    def forward(self, x, t):
        t = torch.as_tensor(t, dtype=x.dtype).reshape(-1, 1).expand(x.shape[0], 1)
        return self.net(torch.cat([x, t], dim=1))


def train_step_ms(hidden, activation, batch, steps):
    """Milliseconds per training step (sample, path, forward, backward, Adam)."""
    torch.manual_seed(0)
    model = Field(hidden, activation)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = torch.randn(DATA_POINTS, 2)

    def step():
        x1 = data[torch.randint(0, DATA_POINTS, (batch,))]
        x0 = torch.randn(batch, 2)
        t = torch.rand(batch)
        xt = (1 - t[:, None]) * x0 + t[:, None] * x1
        loss = torch.nn.functional.mse_loss(model(xt, t), x1 - x0)
        opt.zero_grad()
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - start) * 1000 / steps


def sample_rk4_ms(n, steps):
    """Milliseconds to push n noise points through RK4 with `steps` steps (4×128 SiLU)."""
    torch.manual_seed(0)
    model = Field([128] * 4, torch.nn.SiLU)
    x = torch.randn(n, 2)
    h = 1.0 / steps
    with torch.no_grad():
        model(x, 0.0)
        start = time.perf_counter()
        for k in range(steps):
            t = k * h
            k1 = model(x, t)
            k2 = model(x + 0.5 * h * k1, t + 0.5 * h)
            k3 = model(x + 0.5 * h * k2, t + 0.5 * h)
            k4 = model(x + h * k3, t + h)
            x = x + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
        return (time.perf_counter() - start) * 1000


def loglik_exact_euler_ms(n, steps):
    """Milliseconds for the exact log-likelihood (eq. 14) of n points,
    integrating x and the divergence backwards from t = 1 with Euler."""
    torch.manual_seed(0)
    model = Field([128] * 4, torch.nn.SiLU)
    x = torch.randn(n, 2)
    h = 1.0 / steps
    start = time.perf_counter()
    integral = torch.zeros(n)
    for k in range(steps):
        t = 1.0 - k * h
        xr = x.detach().requires_grad_(True)
        u = model(xr, t)
        div = torch.zeros(n)
        for i in range(2):
            g = torch.autograd.grad(u[:, i].sum(), xr, retain_graph=i < 1)[0]
            div = div + g[:, i]
        x = (xr - h * u).detach()
        integral = integral + h * div.detach()
    logp = -0.5 * (x**2).sum(dim=1) - math.log(2 * math.pi) - integral
    assert torch.isfinite(logp).all()
    return (time.perf_counter() - start) * 1000


CONFIGS = {
    "train_step_4x512_b4096": lambda: train_step_ms([512] * 4, torch.nn.SiLU, 4096, 10),
    "train_step_3x64_b256": lambda: train_step_ms([64] * 3, torch.nn.SELU, 256, 500),
    "sample_rk4_100_n10000_4x128": lambda: sample_rk4_ms(10_000, 100),
    "loglik_exact_euler100_n10000_4x128": lambda: loglik_exact_euler_ms(10_000, 100),
}


def main():
    names = sys.argv[1:] or list(CONFIGS)
    best = {}
    for name in names:
        for threads in (1, 2):
            torch.set_num_threads(threads)
            best[name] = min(CONFIGS[name](), best.get(name, math.inf))
    print(json.dumps(best))


if __name__ == "__main__":
    main()
