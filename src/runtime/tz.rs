//! Time zones from the system's TZif files (`/usr/share/zoneinfo`, RFC 8536), for
//! `date_default_timezone_set` and `date()`. The transitions in the file are used;
//! times past the last one keep its offset (Debian ships "fat" files, which list
//! transitions up to 2037; the POSIX rule in the footer is not evaluated).

/// One local-time type: UTC offset in seconds, daylight saving flag, abbreviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalType {
    pub offset: i32,
    pub is_dst: bool,
    pub abbr: String,
}

#[derive(Clone, Debug)]
pub struct Zone {
    /// The identifier as PHP prints it (`e`, date_default_timezone_get).
    pub name: String,
    transitions: Vec<i64>,
    /// Local-time type index taking effect at each transition.
    type_idx: Vec<u8>,
    types: Vec<LocalType>,
}

const ZONEINFO: &str = "/usr/share/zoneinfo";

impl Zone {
    /// Loads zone `name` (case as given; PHP accepts only known identifiers).
    pub fn load(name: &str) -> Option<Zone> {
        let plausible = !name.is_empty()
            && !name.contains("..")
            && !name.starts_with('/')
            && !name.contains('\0')
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"/_-+".contains(&c));
        if !plausible {
            return None;
        }
        let data = std::fs::read(std::path::Path::new(ZONEINFO).join(name)).ok()?;
        let mut z = parse_tzif(&data)?;
        z.name = name.to_string();
        Some(z)
    }

    /// The local-time type in effect at Unix time `ts`.
    pub fn at(&self, ts: i64) -> LocalType {
        let i = self.transitions.partition_point(|&t| t <= ts);
        let idx = if i == 0 {
            // Before the first transition: the first standard-time type.
            self.types.iter().position(|t| !t.is_dst).unwrap_or(0)
        } else {
            self.type_idx.get(i - 1).copied().unwrap_or(0) as usize
        };
        self.types.get(idx).cloned().unwrap_or(LocalType {
            offset: 0,
            is_dst: false,
            abbr: "UTC".into(),
        })
    }

    /// The UTC timestamp of local wall-clock time `local` (seconds as if UTC): the
    /// offset in effect at that instant.
    pub fn local_to_utc(&self, local: i64) -> i64 {
        let guess = local - self.at(local).offset as i64;
        local - self.at(guess).offset as i64
    }
}

struct Reader<'a> {
    d: &'a [u8],
    p: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.d.get(self.p..self.p.checked_add(n)?)?;
        self.p += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i64(&mut self) -> Option<i64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(i64::from_be_bytes(a))
    }
}

struct Counts {
    isut: usize,
    isstd: usize,
    leap: usize,
    time: usize,
    typ: usize,
    chr: usize,
}

fn header(r: &mut Reader) -> Option<(u8, Counts)> {
    if r.take(4)? != b"TZif" {
        return None;
    }
    let version = r.take(1)?[0];
    r.take(15)?;
    let mut c = [0usize; 6];
    for x in c.iter_mut() {
        *x = r.u32()? as usize;
    }
    Some((
        version,
        Counts {
            isut: c[0],
            isstd: c[1],
            leap: c[2],
            time: c[3],
            typ: c[4],
            chr: c[5],
        },
    ))
}

fn parse_tzif(data: &[u8]) -> Option<Zone> {
    let mut r = Reader { d: data, p: 0 };
    let (version, c) = header(&mut r)?;
    let (wide, c) = if version >= b'2' {
        // Skip the 32-bit block; use the 64-bit one that follows.
        let skip = c.time * 5 + c.typ * 6 + c.chr + c.leap * 8 + c.isstd + c.isut;
        r.take(skip)?;
        let (_, c2) = header(&mut r)?;
        (true, c2)
    } else {
        (false, c)
    };
    let mut transitions = Vec::with_capacity(c.time);
    for _ in 0..c.time {
        transitions.push(if wide {
            r.i64()?
        } else {
            r.u32()? as i32 as i64
        });
    }
    let type_idx = r.take(c.time)?.to_vec();
    let mut raw = Vec::with_capacity(c.typ);
    for _ in 0..c.typ {
        let off = r.u32()? as i32;
        let b = r.take(2)?;
        raw.push((off, b[0] != 0, b[1] as usize));
    }
    let chars = r.take(c.chr)?;
    let types = raw
        .into_iter()
        .map(|(offset, is_dst, ai)| {
            let s = chars.get(ai..).unwrap_or(&[]);
            let end = s.iter().position(|&b| b == 0).unwrap_or(s.len());
            LocalType {
                offset,
                is_dst,
                abbr: String::from_utf8_lossy(&s[..end]).into_owned(),
            }
        })
        .collect::<Vec<_>>();
    if types.is_empty() || type_idx.iter().any(|&i| i as usize >= types.len()) {
        return None;
    }
    Some(Zone {
        name: String::new(),
        transitions,
        type_idx,
        types,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_york_and_kolkata() {
        let Some(ny) = Zone::load("America/New_York") else {
            return; // no tzdata on this machine
        };
        let t = ny.at(1_700_000_000);
        assert_eq!(
            (t.offset, t.is_dst, t.abbr.as_str()),
            (-18000, false, "EST")
        );
        let t = ny.at(1_690_000_000);
        assert_eq!((t.offset, t.is_dst, t.abbr.as_str()), (-14400, true, "EDT"));
        if let Some(k) = Zone::load("Asia/Kolkata") {
            assert_eq!(k.at(0).offset, 19800);
            assert_eq!(k.at(0).abbr, "IST");
        }
        assert!(Zone::load("Not/AZone").is_none());
        assert!(Zone::load("../etc/passwd").is_none());
    }
}
