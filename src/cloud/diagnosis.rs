//! What a cloud answer means, in codes and parameters the user reads in their language, and the
//! readings every action shares: the answer's status, a failure of the key itself, an answer
//! nothing explains. Each action's own file says what its answers mean.

use super::answer::{Answer, Failure};
use crate::profile::{Details, DiagnosisCode, Severity, Status};
use crate::words::{Param, Params};
use serde::Serialize;

/// The meaning of one answer: a status, its code and params (the words), and what was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub status: Status,
    pub severity: Severity,
    pub code: DiagnosisCode,
    pub params: Params,
    pub details: Details,
}

impl Diagnosis {
    pub fn new(status: Status, code: DiagnosisCode, details: Details) -> Self {
        Diagnosis {
            status,
            severity: status.severity(),
            code,
            params: Params::new(),
            details,
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(name, value.into());
        self
    }

    pub fn ok(code: DiagnosisCode, details: Details) -> Self {
        Diagnosis::new(Status::Ok, code, details)
    }

    pub fn network() -> Self {
        Diagnosis::new(Status::Network, DiagnosisCode::Network, Details::default())
    }
}

/// An answer's HTTP status (0 after a refused redirect), body and first details, or the
/// diagnosis of a request that reached no server.
pub fn received(answer: &Answer) -> Result<(u16, &str, Details), Diagnosis> {
    let (status, body) = match answer {
        Answer::Failed {
            error: Failure::Network,
        } => return Err(Diagnosis::network()),
        Answer::Failed {
            error: Failure::Redirect,
        } => (None, ""),
        Answer::Response { status, body, .. } => (Some(*status), body.as_str()),
    };
    let details = Details {
        http_status: status,
        ..Details::default()
    };
    Ok((status.unwrap_or(0), body, details))
}

/// A failure of the key itself (or its permissions), the same words for every service.
pub fn key_failure(status: Status, details: Details) -> Diagnosis {
    let skew = details.skew_seconds;
    let code = match status {
        Status::BadAk => DiagnosisCode::BadAk,
        Status::BadSk => DiagnosisCode::BadSk,
        Status::BadToken => DiagnosisCode::BadToken,
        Status::ClockSkew => match skew {
            Some(s) if s > 0 => DiagnosisCode::ClockBehind,
            Some(_) => DiagnosisCode::ClockAhead,
            None => DiagnosisCode::ClockSkew,
        },
        Status::Locked => DiagnosisCode::Locked,
        _ => DiagnosisCode::NoPermission,
    };
    let diagnosis = Diagnosis::new(status, code, details);
    match skew {
        Some(s) if status == Status::ClockSkew => {
            diagnosis.with("duration", rounded_duration(s.unsigned_abs()))
        }
        _ => diagnosis,
    }
}

/// Seconds up to two minutes, then minutes, hours, days: precise enough to find the wrong clock.
fn rounded_duration(seconds: u64) -> Param {
    let (amount, unit) = match seconds {
        s if s < 120 => (s, "second"),
        s if s < 2 * 3600 => ((s + 30) / 60, "minute"),
        s if s < 2 * 86400 => ((s + 1800) / 3600, "hour"),
        s => ((s + 43200) / 86400, "day"),
    };
    Param::Quantity { amount, unit }
}

/// An answer none of the action's readings explains: its error code, else its HTTP status.
pub fn unexpected(details: Details) -> Diagnosis {
    let (error_code, http_status) = (details.error_code.clone(), details.http_status);
    let diagnosis = |code| Diagnosis::new(Status::Unexpected, code, details);
    match (error_code, http_status) {
        (Some(code), _) => diagnosis(DiagnosisCode::UnexpectedCode).with("errorCode", code),
        (None, Some(status)) => {
            diagnosis(DiagnosisCode::UnexpectedStatus).with("httpStatus", usize::from(status))
        }
        (None, None) => diagnosis(DiagnosisCode::UnexpectedRedirect),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every diagnosis of the actions' tests carries exactly the params its code's words use.
    pub(crate) fn checked(d: Diagnosis) -> Diagnosis {
        let mut declared = d.code.params().to_vec();
        declared.sort_unstable();
        assert!(d.params.keys().copied().eq(declared), "{d:?}");
        d
    }

    #[test]
    fn network_failures_say_nothing_was_tested() {
        let d = received(&Answer::Failed {
            error: Failure::Network,
        })
        .unwrap_err();
        assert_eq!(
            (d.status, d.code),
            (Status::Network, DiagnosisCode::Network)
        );
        let (status, _, details) = received(&Answer::Failed {
            error: Failure::Redirect,
        })
        .unwrap();
        assert_eq!((status, details.http_status), (0, None));
        assert_eq!(
            checked(unexpected(details)).code,
            DiagnosisCode::UnexpectedRedirect
        );
    }

    #[test]
    fn clock_skew_is_rounded_to_a_readable_unit() {
        let skewed = |s| {
            checked(key_failure(
                Status::ClockSkew,
                Details {
                    skew_seconds: Some(s),
                    ..Details::default()
                },
            ))
        };
        assert_eq!(skewed(7500).code, DiagnosisCode::ClockBehind);
        assert_eq!(
            skewed(-7500).params["duration"],
            Param::Quantity {
                amount: 2,
                unit: "hour"
            }
        );
        assert_eq!(
            skewed(90).params["duration"],
            Param::Quantity {
                amount: 90,
                unit: "second"
            }
        );
        assert!(Status::ClockSkew.key_is_wrong() && !Status::NoPermission.key_is_wrong());
    }
}
