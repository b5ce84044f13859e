//! SVG charts for `hopjit bench --svg` and `hopjit bench --warmup --svg` (plotters).
//!
//! Text is laid out with the embedded DejaVu Sans (`assets/fonts`, Bitstream Vera
//! license): plotters' `ab_glyph` backend measures glyphs from a registered font
//! instead of looking up system fonts, so the charts come out the same on any machine,
//! with or without fonts installed. The SVG itself names the family `sans-serif`.
//!
//! Both charts are rendered into a string and written in one go, so a failure to write
//! is reported as an error rather than lost in a destructor.

use std::path::Path;

use once_cell::sync::OnceCell;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// DejaVu Sans 2.37 (Debian's fonts-dejavu-core), unmodified.
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The family plotters' own labels (mesh, legend) ask for by default.
const FAMILY: &str = "sans-serif";

/// One program of the bench chart: median seconds per mode (in the chart's mode
/// order), `None` where the mode failed or did not run.
pub struct BarGroup {
    pub name: String,
    pub medians: Vec<Option<f64>>,
}

/// One tier-up on the warmup chart.
pub struct Marker {
    /// Position on the iteration axis: iteration `i` spans `i - 0.5 .. i + 0.5`, and an
    /// event a fraction `f` of the way through it sits at `i - 0.5 + f`.
    pub x: f64,
    /// The iteration it is counted in (1-based).
    pub iteration: usize,
    pub tier: &'static str,
}

fn register_font() -> Result<(), String> {
    static REGISTERED: OnceCell<Result<(), String>> = OnceCell::new();
    REGISTERED
        .get_or_init(|| {
            plotters::style::register_font(FAMILY, FontStyle::Normal, FONT)
                .map_err(|_| "the embedded chart font does not parse".to_string())
        })
        .clone()
}

fn font(size: f64) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&BLACK)
}

/// A stable colour per mode or tier: php's modes in blues and greys, hopjit's warm.
fn color(name: &str) -> RGBColor {
    match name {
        "php" => RGBColor(0x9e, 0x9e, 0x9e),
        "php-opcache" => RGBColor(0x60, 0x7d, 0x8b),
        "php-jit" => RGBColor(0x3f, 0x51, 0xb5),
        "interp" => RGBColor(0xe5, 0x73, 0x73),
        "baseline" => RGBColor(0xff, 0x98, 0x00),
        "tiered" | "optimized" => RGBColor(0x43, 0xa0, 0x47),
        "wall time" => RGBColor(0x1e, 0x88, 0xe5),
        "cpu time" => RGBColor(0x8e, 0x24, 0xaa),
        _ => RGBColor(0x79, 0x55, 0x48),
    }
}

fn draw_err<E: std::fmt::Display>(e: E) -> String {
    format!("drawing the chart failed: {e}")
}

fn write_svg(path: &Path, svg: &str) -> Result<(), String> {
    std::fs::write(path, svg).map_err(|e| format!("{}: {e}", path.display()))
}

/// A horizontal legend: a colour swatch and a name per entry, left to right from
/// pixel `(x, y)` of `area`.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    (mut x, y): (i32, i32),
    entries: &[&str],
) -> Result<(), String> {
    for name in entries {
        let c = color(name);
        area.draw(&Rectangle::new([(x, y - 6), (x + 14, y + 6)], c.filled()))
            .map_err(draw_err)?;
        let style = font(13.0).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(name.to_string(), (x + 19, y), style.clone()))
            .map_err(draw_err)?;
        let (w, _) = area.estimate_text_size(name, &style).map_err(draw_err)?;
        x += 19 + w as i32 + 22;
    }
    Ok(())
}

/// Writes the `hopjit bench` chart to `path`: one row per program, one horizontal bar
/// per mode. With php's reference mode in `modes` every bar is that program's median
/// relative to `php -n` (so programs of very different lengths share one axis and the
/// bars read as "× php"); otherwise bars are median seconds.
pub fn bench_svg(
    path: &Path,
    modes: &[&str],
    groups: &[BarGroup],
    runs: usize,
) -> Result<(), String> {
    register_font()?;
    let php = modes.iter().position(|&m| m == "php");
    let relative = php.is_some_and(|p| groups.iter().any(|g| g.medians[p].is_some()));
    let value = |g: &BarGroup, i: usize| -> Option<f64> {
        let t = g.medians[i]?;
        match php {
            Some(p) if relative => g.medians[p].filter(|&r| r > 0.0).map(|r| t / r),
            _ => Some(t),
        }
    };
    let rows = groups.len().max(1);
    let xmax = groups
        .iter()
        .flat_map(|g| (0..modes.len()).filter_map(move |i| value(g, i)))
        .fold(if relative { 1.0 } else { 0.0 }, f64::max)
        * 1.12;
    let xmax = if xmax > 0.0 { xmax } else { 1.0 };

    let bar_px = 12;
    let row_px = (modes.len().max(1) * bar_px + 14) as u32;
    let label_px = groups
        .iter()
        .map(|g| g.name.chars().count())
        .max()
        .unwrap_or(8) as u32
        * 8
        + 24;
    let (width, height) = (960u32.max(label_px + 600), 150 + rows as u32 * row_px);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let (top, rest) = root.split_vertically(64);
        let title = format!(
            "hopjit bench: median wall time of {} run{} per mode",
            runs,
            if runs == 1 { "" } else { "s" }
        );
        top.draw(&Text::new(title, (12, 8), font(18.0)))
            .map_err(draw_err)?;
        legend(&top, (label_px as i32, 46), modes)?;

        let mut chart = ChartBuilder::on(&rest)
            .margin_right(24)
            .margin_top(4)
            .x_label_area_size(44)
            .y_label_area_size(label_px)
            .build_cartesian_2d(0f64..xmax, 0f64..rows as f64)
            .map_err(draw_err)?;
        let x_desc = if relative {
            "median wall time relative to php -n (php -n = 1; lower is better)"
        } else {
            "median wall time in seconds (lower is better)"
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_desc(x_desc)
            .axis_desc_style(font(14.0))
            .label_style(font(12.0))
            .light_line_style(TRANSPARENT)
            .draw()
            .map_err(draw_err)?;

        // Row r (0 = first program) spans y = rows-r-1 .. rows-r, top to bottom;
        // its bars share the middle 80 %.
        let bar_h = 0.8 / modes.len().max(1) as f64;
        let bar_y = |r: usize, i: usize| {
            let top = (rows - r) as f64 - 0.1 - i as f64 * bar_h;
            (top - bar_h, top)
        };
        for (i, mode) in modes.iter().enumerate() {
            let c = color(mode);
            chart
                .draw_series(groups.iter().enumerate().filter_map(|(r, g)| {
                    let v = value(g, i)?;
                    let (y0, y1) = bar_y(r, i);
                    Some(Rectangle::new([(0.0, y0), (v, y1)], c.filled()))
                }))
                .map_err(draw_err)?;
            // The value at the end of each bar; FAIL where there is none.
            chart
                .draw_series(groups.iter().enumerate().map(|(r, g)| {
                    let (y0, y1) = bar_y(r, i);
                    let (text, x, style) = match value(g, i) {
                        Some(v) if relative => (format!("{v:.2}"), v, font(10.0)),
                        Some(v) => (format!("{v:.3} s"), v, font(10.0)),
                        None => ("FAIL".to_string(), 0.0, font(10.0).color(&RED)),
                    };
                    let style = style.pos(Pos::new(HPos::Left, VPos::Center));
                    EmptyElement::at((x, (y0 + y1) / 2.0)) + Text::new(text, (4, 0), style)
                }))
                .map_err(draw_err)?;
        }
        if relative {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(1.0, 0.0), (1.0, rows as f64)],
                    BLACK.stroke_width(1),
                )))
                .map_err(draw_err)?;
        }
        // Program names, right-aligned left of the axis, centred on their row.
        for (r, g) in groups.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(0.0, (rows - r) as f64 - 0.5));
            let style = font(13.0).pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(g.name.clone(), (px - 8, py), style))
                .map_err(draw_err)?;
        }
        root.present().map_err(draw_err)?;
    }
    write_svg(path, &svg)
}

/// Writes the `--warmup` chart to `path`: wall time and the VM thread's CPU time per
/// iteration as lines with a point per iteration, and a vertical marker per tier-up
/// (coloured by tier, with the count of each tier's tier-ups in that iteration written
/// at the first of them). `subtitle` goes under the title in small print (options).
pub fn warmup_svg(
    path: &Path,
    title: &str,
    subtitle: &str,
    wall_ms: &[f64],
    cpu_ms: &[f64],
    markers: &[Marker],
) -> Result<(), String> {
    register_font()?;
    let n = wall_ms.len().max(1);
    let ymax = wall_ms.iter().chain(cpu_ms).copied().fold(0.0, f64::max) * 1.25;
    let ymax = if ymax > 0.0 { ymax } else { 1.0 };
    let mut tiers: Vec<&'static str> = Vec::new();
    for m in markers {
        if !tiers.contains(&m.tier) {
            tiers.push(m.tier);
        }
    }
    let width = 900u32.max(40 * n as u32 + 160);
    // Enough decimals that the axis labels differ from each other.
    let decimals = (1 - ymax.log10().floor() as i32).clamp(0, 4) as usize;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, 480)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let (top, rest) = root.split_vertically(80);
        top.draw(&Text::new(title.to_string(), (12, 8), font(18.0)))
            .map_err(draw_err)?;
        let grey = RGBColor(0x55, 0x55, 0x55);
        top.draw(&Text::new(
            subtitle.to_string(),
            (12, 32),
            font(12.0).color(&grey),
        ))
        .map_err(draw_err)?;
        let mut entries = vec!["wall time", "cpu time"];
        entries.extend(tiers.iter().copied());
        legend(&top, (80, 62), &entries)?;
        let mut chart = ChartBuilder::on(&rest)
            .margin_right(24)
            .margin_top(4)
            .x_label_area_size(44)
            .y_label_area_size(70)
            .build_cartesian_2d(0.5f64..n as f64 + 0.5, 0f64..ymax)
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .x_labels(n.min(25))
            .x_label_formatter(&|x| {
                if (x - x.round()).abs() < 1e-6 {
                    format!("{x:.0}")
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| format!("{:.*}", decimals, y))
            .x_desc("iteration (one process: JIT state carries over)")
            .y_desc("time per iteration (ms)")
            .axis_desc_style(font(14.0))
            .label_style(font(12.0))
            .light_line_style(TRANSPARENT)
            .draw()
            .map_err(draw_err)?;

        for m in markers {
            let c = color(m.tier);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(m.x, 0.0), (m.x, ymax * 0.9)],
                    c.mix(0.6).stroke_width(1),
                )))
                .map_err(draw_err)?;
        }
        // "N tier" at the first tier-up of each iteration that had some, a line per tier.
        for (t, tier) in tiers.iter().enumerate() {
            // Per iteration: (count, x of the first).
            let mut groups: Vec<(usize, f64)> = vec![(0, f64::INFINITY); n + 1];
            for m in markers.iter().filter(|m| m.tier == *tier) {
                let g = &mut groups[m.iteration.clamp(1, n)];
                *g = (g.0 + 1, g.1.min(m.x));
            }
            let c = color(tier);
            let style = font(11.0).color(&c).pos(Pos::new(HPos::Left, VPos::Bottom));
            chart
                .draw_series(groups.iter().filter(|g| g.0 > 0).map(|&(k, x)| {
                    EmptyElement::at((x, ymax * 0.9))
                        + Text::new(
                            format!("{k} {tier}"),
                            (3, -2 - 13 * t as i32),
                            style.clone(),
                        )
                }))
                .map_err(draw_err)?;
        }
        for (series, times) in [("wall time", wall_ms), ("cpu time", cpu_ms)] {
            let c = color(series);
            let points: Vec<(f64, f64)> = times
                .iter()
                .enumerate()
                .map(|(i, &ms)| ((i + 1) as f64, ms))
                .collect();
            // CPU time dashed over wall time: on an idle machine the two coincide.
            if series == "cpu time" {
                chart
                    .draw_series(DashedLineSeries::new(
                        points.iter().copied(),
                        8,
                        6,
                        c.stroke_width(2),
                    ))
                    .map_err(draw_err)?;
            } else {
                chart
                    .draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(2)))
                    .map_err(draw_err)?;
            }
            chart
                .draw_series(points.iter().map(|&p| Circle::new(p, 3, c.filled())))
                .map_err(draw_err)?;
        }
        root.present().map_err(draw_err)?;
    }
    write_svg(path, &svg)
}
