"""PyTorch reference runs for the training-quality bounds of fmlib/train_test.go.

Trains TorchCFM's 2D configuration exactly as TestTrainMatchesExactMarginal
and TestTrainTwoMoons do in Go — MLP 3×64 SELU on [x, t] (nn.Linear
initialisation), batch 256, Adam(lr=3e-3) with a cosine schedule to 0 over
2000 steps, the straight path of eq. 37 with t ~ U(0,1) per row and x0 ~
N(0, I) — on 8 Gaussians (radius 2, std 0.2) and on two moons (noise 0.05),
then integrates 500 noise points with RK4 (50 steps) and prints the exact
W2 (optimal assignment, scipy) to 500 held-out data points, for three seeds.
Run: /usr/bin/python3 bench/train_quality_torch.py > bench/train_quality_torch.txt"""

import math

import numpy as np
import torch
from scipy.optimize import linear_sum_assignment

STEPS, BATCH, LR, N = 2000, 256, 3e-3, 500


def eight_gaussians(n, g):
    k = torch.randint(0, 8, (n,), generator=g).double()
    centres = 2 * torch.stack([torch.cos(k * math.pi / 4), torch.sin(k * math.pi / 4)], 1)
    return (centres + 0.2 * torch.randn(n, 2, generator=g, dtype=torch.float64)).float()


def moons(n, g):
    theta = math.pi * torch.rand(n, generator=g, dtype=torch.float64)
    upper = torch.rand(n, generator=g) < 0.5
    x = torch.where(upper, torch.cos(theta), 1 - torch.cos(theta))
    y = torch.where(upper, torch.sin(theta), 0.5 - torch.sin(theta))
    return (torch.stack([x, y], 1) + 0.05 * torch.randn(n, 2, generator=g, dtype=torch.float64)).float()


def field():
    return torch.nn.Sequential(
        torch.nn.Linear(3, 64), torch.nn.SELU(),
        torch.nn.Linear(64, 64), torch.nn.SELU(),
        torch.nn.Linear(64, 64), torch.nn.SELU(),
        torch.nn.Linear(64, 2))


def velocity(model, x, t):
    return model(torch.cat([x, torch.full((x.shape[0], 1), float(t))], 1))


def w2(a, b):
    cost = torch.cdist(a.double(), b.double()) ** 2
    rows, cols = linear_sum_assignment(cost.numpy())
    return math.sqrt(cost.numpy()[rows, cols].mean())


def run(sampler, seed):
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = field()
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=STEPS)
    for _ in range(STEPS):
        x1 = sampler(BATCH, g)
        x0 = torch.randn(BATCH, 2, generator=g)
        t = torch.rand(BATCH, 1, generator=g)
        xt = (1 - t) * x0 + t * x1
        loss = ((model(torch.cat([xt, t], 1)) - (x1 - x0)) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    x = torch.randn(N, 2, generator=g)
    h = 1.0 / 50
    with torch.no_grad():
        for k in range(50):
            t = k * h
            k1 = velocity(model, x, t)
            k2 = velocity(model, x + 0.5 * h * k1, t + 0.5 * h)
            k3 = velocity(model, x + 0.5 * h * k2, t + 0.5 * h)
            k4 = velocity(model, x + h * k3, t + h)
            x = x + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
    held, other = sampler(N, g), sampler(N, g)
    return w2(x, held), w2(held, other), loss.item()


def main():
    torch.set_num_threads(1)
    for name, sampler in (("8 Gaussians", eight_gaussians), ("two moons", moons)):
        for seed in (1, 2, 3):
            model_w2, floor, loss = run(sampler, seed)
            print(f"{name} seed={seed} W2_model={model_w2:.3f} W2_data_floor={floor:.3f} final_loss={loss:.3f}", flush=True)


if __name__ == "__main__":
    main()
