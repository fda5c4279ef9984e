"""PyTorch reference for fmlib's maximum-likelihood training step, run by
`make bench`.

fmlib/maxlikelihood_bench_test.go (TestBenchMaxLikelihoodStep) runs this
script with Debian's /usr/bin/python3 and python3-torch and prints
  bench cnf_ml_step_4x64_b512_rk4x10 torch_ms=… fmlib_ms=… ratio=…
(ratio = torch / fmlib). The step mirrors fmlib.TrainMaxLikelihood with
its defaults on the same network: an MLP on [x, t] with four hidden layers
of 64 SiLU units (PyTorch's Linear initialisation), a batch of 512 points
drawn with replacement from a fixed set of 100,000, the log-likelihood of
eq. 14 integrated from t = 1 back to t = 0 with 10 classical RK4 steps,
jointly with the exact divergence (one autograd pass per dimension with
create_graph=True, so the loss can be differentiated again), the loss
−mean log p_1, loss.backward() through the whole solve (discretise, then
optimise), and one Adam(1e-3) step. Each call times `steps` steps after
two warm-up steps, at the faster of torch.set_num_threads(1) and (2),
and prints {name: milliseconds per step} as JSON."""

import json
import math
import sys
import time

import torch

DATA_POINTS = 100_000


class Field(torch.nn.Module):
    """u_θ(t, x): an MLP on [x, t]."""

    def __init__(self, hidden):
        super().__init__()
        layers, width = [], 3
        for h in hidden:
            layers += [torch.nn.Linear(width, h), torch.nn.SiLU()]
            width = h
        layers.append(torch.nn.Linear(width, 2))
        self.net = torch.nn.Sequential(*layers)

    def forward(self, t, x):
        t = torch.full((x.shape[0], 1), t, dtype=x.dtype)
        return self.net(torch.cat([x, t], dim=1))


def velocity_and_divergence(model, t, x):
    """u(t, x) and its exact divergence, differentiable in θ and x."""
    u = model(t, x)
    div = torch.zeros(x.shape[0])
    for i in range(x.shape[1]):
        div = div + torch.autograd.grad(u[:, i].sum(), x, create_graph=True)[0][:, i]
    return u, div


def nll(model, x1, steps):
    """−mean log p_1(x1) by eq. 14 with `steps` RK4 steps from t = 1 to 0."""
    h = -1.0 / steps
    x = x1.requires_grad_(True)
    integral = torch.zeros(x1.shape[0])  # accumulates h Σ b_s ∇·u = −∫_0^1 ∇·u dt
    for n in range(steps):
        t = 1.0 + n * h
        k1, d1 = velocity_and_divergence(model, t, x)
        k2, d2 = velocity_and_divergence(model, t + 0.5 * h, x + 0.5 * h * k1)
        k3, d3 = velocity_and_divergence(model, t + 0.5 * h, x + 0.5 * h * k2)
        k4, d4 = velocity_and_divergence(model, t + h, x + h * k3)
        x = x + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
        integral = integral + (h / 6) * (d1 + 2 * d2 + 2 * d3 + d4)
    logp0 = -0.5 * (x**2).sum(dim=1) - math.log(2 * math.pi)
    return -(logp0 + integral).mean()


def ml_step_ms(hidden, batch, solver_steps, steps):
    """Milliseconds per maximum-likelihood training step."""
    torch.manual_seed(0)
    model = Field(hidden)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = torch.randn(DATA_POINTS, 2)

    def step():
        x1 = data[torch.randint(0, DATA_POINTS, (batch,))]
        loss = nll(model, x1, solver_steps)
        opt.zero_grad()
        loss.backward()
        opt.step()
        assert torch.isfinite(loss)

    for _ in range(2):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - start) * 1000 / steps


CONFIGS = {
    "cnf_ml_step_4x64_b512_rk4x10": lambda: ml_step_ms([64] * 4, 512, 10, 3),
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
