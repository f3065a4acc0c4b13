//! Network addresses: [`Inet`] for `inet` and `cidr`, [`MacAddr`] and [`MacAddr8`].

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// An IP address with a prefix length: `192.168.0.10/24`, or a host alone (`::1`, whose
/// prefix is the whole address). PostgreSQL's `inet` holds any; its `cidr`, a network,
/// only those whose bits past the prefix are zero ([`Inet::is_network`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Inet {
    /// The address.
    pub addr: IpAddr,
    /// The prefix length: at most 32 for IPv4, 128 for IPv6.
    pub prefix: u8,
}

impl Inet {
    /// A host: `addr` with a prefix of the whole address.
    pub fn host(addr: IpAddr) -> Self {
        Inet {
            prefix: full_prefix(&addr),
            addr,
        }
    }

    /// Whether the bits past the prefix are all zero, as a `cidr` needs.
    pub fn is_network(&self) -> bool {
        let bits: u128 = match self.addr {
            IpAddr::V4(v4) => u128::from(u32::from(v4)) << 96,
            IpAddr::V6(v6) => u128::from(v6),
        };
        self.prefix >= 128 || bits << self.prefix == 0
    }
}

/// The bits of an address: 32 or 128.
fn full_prefix(addr: &IpAddr) -> u8 {
    match addr {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    }
}

impl fmt::Display for Inet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.prefix == full_prefix(&self.addr) {
            write!(f, "{}", self.addr)
        } else {
            write!(f, "{}/{}", self.addr, self.prefix)
        }
    }
}

impl FromStr for Inet {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (addr, prefix) = match text.split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| {
            format!("`{text}` is not an IP address (192.168.0.1, 2001:db8::1, with an optional /prefix)")
        })?;
        let full = full_prefix(&addr);
        let prefix = match prefix {
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= full)
                .ok_or_else(|| format!("`{text}` has a prefix longer than the address's {full} bits"))?,
            None => full,
        };
        Ok(Inet { addr, prefix })
    }
}

/// A MAC address of 6 bytes (`macaddr`): `08:00:2b:01:02:03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MacAddr(pub [u8; 6]);

/// A MAC address of 8 bytes (`macaddr8`, EUI-64): `08:00:2b:01:02:03:04:05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MacAddr8(pub [u8; 8]);

/// Writes bytes as lowercase hex pairs joined by `:`.
fn write_hex_pairs(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_str(":")?;
        }
        write!(f, "{byte:02x}")?;
    }
    Ok(())
}

/// Reads `N` hex pairs separated by `:` or `-`.
fn parse_hex_pairs<const N: usize>(text: &str) -> Result<[u8; N], String> {
    let bad =
        || format!("`{text}` is not a MAC address of {N} bytes (hex pairs joined by `:`, like 08:00:2b:01:02:03)");
    let mut bytes = [0u8; N];
    let mut parts = text.split([':', '-']);
    for byte in &mut bytes {
        let part = parts.next().filter(|p| p.len() == 2).ok_or_else(bad)?;
        *byte = u8::from_str_radix(part, 16).map_err(|_| bad())?;
    }
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(bytes)
}

impl fmt::Display for MacAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_hex_pairs(f, &self.0)
    }
}

impl FromStr for MacAddr {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        parse_hex_pairs(text).map(MacAddr)
    }
}

impl fmt::Display for MacAddr8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_hex_pairs(f, &self.0)
    }
}

impl FromStr for MacAddr8 {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        parse_hex_pairs(text).map(MacAddr8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inet_reads_and_writes_its_text() {
        for text in ["192.168.0.10/24", "10.0.0.1", "2001:db8::1/64", "::1"] {
            assert_eq!(text.parse::<Inet>().unwrap().to_string(), text);
        }
        assert!("10.0.0.1/33".parse::<Inet>().is_err());
        assert!("10.0.0.256".parse::<Inet>().is_err());
    }

    #[test]
    fn a_network_has_no_bits_past_its_prefix() {
        assert!("10.0.0.0/8".parse::<Inet>().unwrap().is_network());
        assert!(!"10.0.0.1/8".parse::<Inet>().unwrap().is_network());
        assert!("2001:db8::/32".parse::<Inet>().unwrap().is_network());
        assert!("0.0.0.0/0".parse::<Inet>().unwrap().is_network());
    }

    #[test]
    fn mac_addresses_read_colons_or_dashes() {
        let mac: MacAddr = "08-00-2B-01-02-03".parse().unwrap();
        assert_eq!(mac.to_string(), "08:00:2b:01:02:03");
        assert!("08:00:2b:01:02".parse::<MacAddr>().is_err());
        assert!("08:00:2b:01:02:03:04:05".parse::<MacAddr>().is_err());
        assert_eq!(
            "08:00:2b:01:02:03:04:05".parse::<MacAddr8>().unwrap().0,
            [8, 0, 0x2b, 1, 2, 3, 4, 5]
        );
    }
}
