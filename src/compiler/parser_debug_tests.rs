//! Debug aids (ignored tests) used to compare the front end with `php -n`
//! over many files; see each test's doc comment for its environment variable.

use super::ast::*;
use super::parse;
use super::test_util::*;

/// Debug aid: `HOPJIT_PARSE=file cargo test --lib dump_file -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_file() {
    let list: Vec<String> = match (
        std::env::var("HOPJIT_PARSE"),
        std::env::var("HOPJIT_PARSE_LIST"),
    ) {
        (Ok(l), _) => l.split(',').map(str::to_string).collect(),
        (_, Ok(f)) => std::fs::read_to_string(f)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect(),
        _ => return,
    };
    for path in &list {
        let path = path.as_str();
        let src = std::fs::read(path).unwrap_or_default();
        match parse(&src, path) {
            Ok(p) if std::env::var("HOPJIT_PARSE_VERBOSE").is_ok() => {
                println!("{}: OK {:#?}", path, p.stmts)
            }
            Ok(_) => println!("{}: OK", path),
            Err(e) => println!("{}: ERR {} on line {}", path, e.message, e.line),
        }
    }
}

/// Debug aid: prints each file's first echoed literal as hex (strings) or
/// `var_export` style (numbers), to compare with `php -n`.
#[test]
#[ignore]
fn dump_literals() {
    let Ok(f) = std::env::var("HOPJIT_LITS") else {
        return;
    };
    for path in std::fs::read_to_string(f).unwrap_or_default().lines() {
        let src = std::fs::read(path).unwrap_or_default();
        let out = match parse(&src, path) {
            Ok(p) => match p.stmts.first().map(|s| &s.kind) {
                Some(StmtKind::Echo(v)) => match v.first().map(|e| &e.kind) {
                    Some(ExprKind::Str(b)) => b.iter().map(|c| format!("{:02x}", c)).collect(),
                    Some(ExprKind::Int(i)) => i.to_string(),
                    Some(ExprKind::Float(f)) => format!("{:?}", f),
                    Some(ExprKind::Interp(parts)) => parts
                        .iter()
                        .map(|p| match p {
                            InterpPart::Lit(b) => b.iter().map(|c| format!("{:02x}", c)).collect(),
                            InterpPart::Expr(e) => format!("<{}>", sx(e)),
                        })
                        .collect::<Vec<String>>()
                        .join("|"),
                    other => format!("{:?}", other),
                },
                other => format!("{:?}", other),
            },
            Err(e) => format!("ERR {} on line {}", e.message, e.line),
        };
        println!("{}: {}", path, out);
    }
}

/// Tiny evaluator for integer/bool expressions, to compare precedence with PHP.
#[derive(Clone, Copy, Debug)]
enum V {
    I(i64),
    B(bool),
}

fn vi(v: V) -> Option<i64> {
    Some(match v {
        V::I(i) => i,
        V::B(b) => b as i64,
    })
}

fn vb(v: V) -> bool {
    match v {
        V::I(i) => i != 0,
        V::B(b) => b,
    }
}

fn eval(e: &Expr) -> Option<V> {
    use BinaryOp::*;
    Some(match &e.kind {
        ExprKind::Int(i) => V::I(*i),
        ExprKind::Bool(b) => V::B(*b),
        ExprKind::Unary { op, expr } => {
            let v = eval(expr)?;
            match op {
                UnaryOp::Neg => V::I(vi(v)?.checked_neg()?),
                UnaryOp::Plus => V::I(vi(v)?),
                UnaryOp::Not => V::B(!vb(v)),
                UnaryOp::BitNot => match v {
                    V::I(i) => V::I(!i),
                    V::B(_) => return None,
                },
            }
        }
        ExprKind::Cast {
            ty: CastType::Int,
            expr,
        } => V::I(vi(eval(expr)?)?),
        ExprKind::Cast {
            ty: CastType::Bool,
            expr,
        } => V::B(vb(eval(expr)?)),
        ExprKind::Silence(x) => eval(x)?,
        ExprKind::Ternary { cond, then, else_ } => {
            let c = eval(cond)?;
            if vb(c) {
                match then {
                    Some(t) => eval(t)?,
                    None => c,
                }
            } else {
                eval(else_)?
            }
        }
        ExprKind::Binary { op, left, right } => {
            let l = eval(left)?;
            match op {
                And => return Some(V::B(vb(l) && vb(eval(right)?))),
                Or => return Some(V::B(vb(l) || vb(eval(right)?))),
                Coalesce => return Some(l),
                _ => {}
            }
            let r = eval(right)?;
            let (a, b) = (vi(l)?, vi(r)?);
            let same_type = matches!((l, r), (V::I(_), V::I(_)) | (V::B(_), V::B(_)));
            match op {
                Add => V::I(a.checked_add(b)?),
                Sub => V::I(a.checked_sub(b)?),
                Mul => V::I(a.checked_mul(b)?),
                Mod => V::I(a.checked_rem(b)?),
                Pow => V::I(a.checked_pow(u32::try_from(b).ok()?)?),
                Shl if (0..64).contains(&b) => V::I(a.checked_shl(b as u32)?),
                Shr if (0..64).contains(&b) => V::I(a >> b),
                BitAnd | BitOr | BitXor if matches!((l, r), (V::I(_), V::I(_))) => V::I(match op {
                    BitAnd => a & b,
                    BitOr => a | b,
                    _ => a ^ b,
                }),
                Xor => V::B(vb(l) ^ vb(r)),
                // Mixed bool/int comparisons compare as bools in PHP.
                Eq | NotEq | Lt | Le | Gt | Ge | Spaceship if !same_type => {
                    let (a, b) = (vb(l) as i64, vb(r) as i64);
                    cmp(*op, a, b)
                }
                Eq | NotEq | Lt | Le | Gt | Ge | Spaceship => cmp(*op, a, b),
                Identical => V::B(same_type && a == b),
                NotIdentical => V::B(!(same_type && a == b)),
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn cmp(op: BinaryOp, a: i64, b: i64) -> V {
    match op {
        BinaryOp::Eq => V::B(a == b),
        BinaryOp::NotEq => V::B(a != b),
        BinaryOp::Lt => V::B(a < b),
        BinaryOp::Le => V::B(a <= b),
        BinaryOp::Gt => V::B(a > b),
        BinaryOp::Ge => V::B(a >= b),
        _ => V::I((a > b) as i64 - (a < b) as i64),
    }
}

/// Debug aid: `HOPJIT_EXPRS=file` evaluates each line's expression.
#[test]
#[ignore]
fn eval_exprs() {
    let Ok(f) = std::env::var("HOPJIT_EXPRS") else {
        return;
    };
    for line in std::fs::read_to_string(f).unwrap_or_default().lines() {
        let src = format!("<?php echo {};", line);
        match parse(src.as_bytes(), "e.php") {
            Err(e) => println!("ERR {}", e.message),
            Ok(p) => match &p.stmts[0].kind {
                StmtKind::Echo(v) => match eval(&v[0]) {
                    Some(V::I(i)) => println!("{}", i),
                    Some(V::B(b)) => println!("{}", b),
                    None => println!("?"),
                },
                _ => println!("?"),
            },
        }
    }
}
