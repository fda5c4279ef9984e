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
(eq. 14), both after a warm-up. Each configuration has the forms a user might
write — the training step as the textbook loop and as a competent user writes
it for a small network (Adam(foreach=True), zero_grad(set_to_none=True), the
time column drawn once); the exact divergence as one autograd pass per
dimension, as one batched pass (is_grads_batched), as functorch.jvp per
dimension and as functorch.vmap(jacfwd) — and every form is timed at
torch.set_num_threads(1) and (2), and the Go side runs the script with the
environment's OpenBLAS kernels and, on an AVX-512 processor, with
OPENBLAS_CORETYPE=SkylakeX; the fastest is PyTorch's figure. The script
runs the configurations named on its command line (all without arguments;
NAME=FORM,… limits the forms) and prints one JSON object on stdout; the Go
side calls it once per round of a configuration, right after timing fmlib on
it, so both see the same machine load — with every form in the first round
and the fastest of them after — and compares the medians of three rounds."""

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


def train_step_ms(hidden, activation, batch, steps, form):
    """Milliseconds per training step (sample, path, forward, backward, Adam).

    form "plain" is the textbook loop (Adam's default implementation,
    zero_grad() and the time reshaped by Field.forward); "tuned" is what a
    competent user writes for a small network: Adam(foreach=True),
    zero_grad(set_to_none=True) and the time drawn as the input's column
    (the MLP applied to torch.cat([x_t, t]) directly)."""
    torch.manual_seed(0)
    model = Field(hidden, activation)
    data = torch.randn(DATA_POINTS, 2)
    if form == "plain":
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)

        def step():
            x1 = data[torch.randint(0, DATA_POINTS, (batch,))]
            x0 = torch.randn(batch, 2)
            t = torch.rand(batch)
            xt = (1 - t[:, None]) * x0 + t[:, None] * x1
            loss = torch.nn.functional.mse_loss(model(xt, t), x1 - x0)
            opt.zero_grad()
            loss.backward()
            opt.step()
    else:
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=True)
        net = model.net

        def step():
            x1 = data[torch.randint(0, DATA_POINTS, (batch,))]
            x0 = torch.randn(batch, 2)
            t = torch.rand(batch, 1)
            xt = (1 - t) * x0 + t * x1
            loss = torch.nn.functional.mse_loss(net(torch.cat([xt, t], 1)), x1 - x0)
            opt.zero_grad(set_to_none=True)
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


def divergence_loop(model, x, t):
    """u and its exact divergence: one reverse-mode pass per dimension."""
    xr = x.detach().requires_grad_(True)
    u = model(xr, t)
    div = torch.zeros(x.shape[0])
    for i in range(x.shape[1]):
        g = torch.autograd.grad(u[:, i].sum(), xr, retain_graph=i + 1 < x.shape[1])[0]
        div = div + g[:, i]
    return u.detach(), div


def divergence_batched(model, x, t):
    """u and its exact divergence: the reverse passes batched (is_grads_batched)."""
    n, d = x.shape
    xr = x.detach().requires_grad_(True)
    u = model(xr, t)
    basis = torch.eye(d).unsqueeze(1).expand(d, n, d)
    g = torch.autograd.grad(u, xr, grad_outputs=basis, is_grads_batched=True)[0]  # (d, n, d)
    return u.detach(), torch.diagonal(g, dim1=0, dim2=2).sum(1)


def divergence_jvp(model, x, t):
    """u and its exact divergence: one forward-mode pass (functorch.jvp) per dimension."""
    import functorch

    n, d = x.shape
    div = torch.zeros(n)
    for i in range(d):
        e = torch.zeros(n, d)
        e[:, i] = 1
        u, tangent = functorch.jvp(lambda y: model(y, t), (x,), (e,))
        div = div + tangent[:, i]
    return u, div


def divergence_vmap(model, x, t):
    """u and its exact divergence: functorch.vmap over functorch.jacfwd of one point."""
    import functorch

    def one(y):
        return model.net(torch.cat([y, torch.full((1,), t)]))

    jac = functorch.vmap(functorch.jacfwd(one))(x)  # (n, d, d)
    with torch.no_grad():
        u = model(x, t)
    return u, torch.diagonal(jac, dim1=1, dim2=2).sum(1)


DIVERGENCES = {"loop": divergence_loop, "is_grads_batched": divergence_batched,
               "functorch_jvp": divergence_jvp, "functorch_vmap_jacfwd": divergence_vmap}


def loglik_exact_euler_ms(n, steps, form):
    """Milliseconds for the exact log-likelihood (eq. 14) of n points,
    integrating x and the divergence backwards from t = 1 with Euler,
    after a warm-up of two steps on the same points."""
    torch.manual_seed(0)
    model = Field([128] * 4, torch.nn.SiLU)
    x0 = torch.randn(n, 2)
    divergence = DIVERGENCES[form]

    def run(x, steps):
        h = 1.0 / steps
        integral = torch.zeros(n)
        for k in range(steps):
            u, div = divergence(model, x, 1.0 - k * h)
            x = (x - h * u).detach()
            integral = integral + h * div.detach()
        return -0.5 * (x**2).sum(dim=1) - math.log(2 * math.pi) - integral

    run(x0, 2)
    start = time.perf_counter()
    logp = run(x0, steps)
    elapsed = (time.perf_counter() - start) * 1000
    assert torch.isfinite(logp).all()
    return elapsed


# Each configuration's forms: every form is a complete, correct way to do the
# same work; the benchmark keeps PyTorch's fastest.
CONFIGS = {
    "train_step_4x512_b4096": {f: (lambda f=f: train_step_ms([512] * 4, torch.nn.SiLU, 4096, 10, f)) for f in ("plain", "tuned")},
    "train_step_3x64_b256": {f: (lambda f=f: train_step_ms([64] * 3, torch.nn.SELU, 256, 500, f)) for f in ("plain", "tuned")},
    "sample_rk4_100_n10000_4x128": {"no_grad": lambda: sample_rk4_ms(10_000, 100)},
    "loglik_exact_euler100_n10000_4x128": {f: (lambda f=f: loglik_exact_euler_ms(10_000, 100, f)) for f in DIVERGENCES},
}


def main():
    """Usage: nn_torch.py [NAME[=FORM,FORM…] …]. Prints one JSON object:
    {"info": {versions, BLAS line}, "ms": {name: best ms}, "best": {name: "form/threads"},
     "all": {name: {"form/threads": ms}}}."""
    wanted = sys.argv[1:] or list(CONFIGS)
    blas = [line.strip() for line in torch.__config__.show().splitlines() if "BLAS_INFO" in line]
    blas = "; ".join(s for s in blas[0].split(", ") if "BLAS" in s or "LAPACK" in s) if blas else "unknown"
    out = {"info": {"torch": torch.__version__, "blas": blas, "threads_tried": [1, 2],
                    "interop_threads": torch.get_num_interop_threads()}, "ms": {}, "best": {}, "all": {}}
    for arg in wanted:
        name, _, forms = arg.partition("=")
        forms = forms.split(",") if forms else list(CONFIGS[name])
        timings = {}
        for form in forms:
            for threads in (1, 2):
                torch.set_num_threads(threads)
                timings[f"{form}/{threads}"] = CONFIGS[name][form]()
        best = min(timings, key=timings.get)
        out["ms"][name], out["best"][name] = timings[best], best
        out["all"][name] = {k: round(v, 3) for k, v in timings.items()}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
