// Package plots draws the figures of a flow-matching course: samples,
// trajectories, vector fields, densities, training curves, panels of those,
// animations and a live training view. It is built on gonum.org/v1/plot.
//
// Every figure function returns a *Figure that shows itself in a gophlow
// notebook when it is a cell's last expression (it has the methods
// MIMEBundle and MIMEMetadata that the kernel's display package looks for:
// a PNG drawn at twice the display resolution, or SVG after AsSVG) and that
// saves to PNG, SVG or PDF by file extension (Figure.Save). Options come in
// small structs; a nil pointer means the defaults. Misuse (a nil batch, a
// labels slice of the wrong length) panics with a message naming the
// function and the argument.
//
// # What the figures show
//
// A flow moves samples x_0 ~ p_0 = N(0, I) along dx_t/dt = u_t(x_t) (eq. 8 of
// the notes) to x_1 ~ p_1. The figures follow that story:
//
//   - Scatter, Compare and Histogram2D show batches of samples x_t (one
//     sample per row of a *mat.Dense), coloured by class when labels are
//     given.
//   - Trajectories shows the paths t ↦ x_t of a subset of samples, coloured
//     by time, as in Figure 2 of the notes: conditional paths
//     ψ_t(x_0|x_1) = (1-t)x_0 + t x_1 (eq. 26, 34) are straight and cross,
//     marginal paths of u_t (eq. 19) are curved and never cross.
//   - Quiver draws a vector field u_t(x) at one time t over a grid, arrows
//     coloured by their length |u_t(x)|, with optional streamlines of the
//     field frozen at t.
//   - Density, LogDensity and DensityGrid draw a density p_t(x) (eq. 16) or
//     a model's log-likelihood log p_1(x) (eq. 14) as a heatmap with contour
//     lines and a colour bar, on a linear or logarithmic colour scale.
//   - Curves, Loss and ErrorVsNFE draw training losses (eq. 37) and solver
//     accuracy against the number of field evaluations.
//   - Panels puts figures side by side with shared axes; Animate makes an
//     animated GIF of samples flowing from t=0 to t=1 (frames rendered in
//     parallel); LiveView is a loss-and-samples figure a training loop
//     updates in place through a display handle.
//
// # Look
//
// Classes and runs use the Okabe–Ito colour-blind-safe palette; continuous
// quantities (time, speed, density) use the viridis colour map. Axes of 2D
// data have equal aspect, and their limits come from robust quantiles of
// the data so that a few outliers do not shrink the picture; the text form
// of a figure says how many points fell outside the view and how many
// values were NaN. Regions the reader fixes (a density's grid, a view) are
// kept exactly and the plot area shrinks to keep the aspect. PNGs are drawn
// at twice the display resolution so they are crisp on high-DPI screens;
// point clouds are composited straight into the image, so 10⁵ points take a
// fraction of a second. Long lines (a loss over 10⁴ steps) are reduced to
// the first, lowest, highest and last point of each pixel column, which
// draws the same pixels, and stroked in short runs, so they too take a
// fraction of a second.
package plots
