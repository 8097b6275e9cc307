//! Which entry of the browser's download history is the key file just imported, so the popup can
//! offer to delete it: a `credentials.csv` left in Downloads is the secret in plain text. The worker
//! reads the history (`downloads.search`) and deletes (`downloads.removeFile`, then `erase`); this
//! says which entry, if exactly one, is the file, and nothing is offered otherwise.

use crate::date::parse_rfc3339_ms;
use crate::words::{message_codes, Param, Params};
use serde::{Deserialize, Serialize};
use tsify_next::Tsify;

/// How long ago a download may have ended and still be offered: a key is imported soon after it
/// is downloaded, and an older file of the same name and size is more likely another key's.
pub const RECENT_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// How much earlier than the download's start the imported file may say it was last modified:
/// clocks and file systems round (FAT keeps two-second times), and Firefox ESR 140 stamped a
/// download's file 3 ms before the `startTime` it reports.
const CLOCK_SLACK_MS: i64 = 2_000;

/// What the popup saw of the imported file (a DOM `File`).
#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ImportedFile {
    /// The file's name without its folder, as it is on disk.
    pub name: String,
    pub size: u64,
    /// Milliseconds since the epoch.
    pub last_modified: i64,
}

/// The fields of a `downloads.DownloadItem` the rule reads; both browsers give them (MDN
/// `downloads.DownloadItem`, https://developer.chrome.com/docs/extensions/reference/api/downloads).
#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Download {
    pub id: u32,
    /// The full path on disk.
    pub filename: String,
    /// Bytes on disk; -1 while unknown.
    #[serde(default = "unknown")]
    pub file_size: i64,
    /// Bytes expected; -1 when unknown.
    #[serde(default = "unknown")]
    pub total_bytes: i64,
    /// Whether the file was still on disk when the browser last looked.
    #[serde(default)]
    pub exists: bool,
    /// `in_progress`, `interrupted` or `complete`.
    #[serde(default)]
    pub state: String,
    /// ISO 8601.
    #[serde(default)]
    pub start_time: String,
    /// ISO 8601; absent until the download ends, and null in Firefox even then.
    #[serde(default)]
    pub end_time: Option<String>,
}

fn unknown() -> i64 {
    -1
}

message_codes! {
    /// What the popup says about the download of an imported file; the words are
    /// `import_download_<code>` in `_locales`. The core says `found`, `several` and `not-found`;
    /// the worker says the rest, after it asked the browser.
    pub enum DownloadCode {
        /// Exactly one entry is the file: it is still in Downloads.
        Found = "found" [fileName],
        /// The `downloads` permission is not granted yet, so the history was not read.
        Unasked = "unasked" [fileName],
        /// Several entries could be the file: none is offered.
        Several = "several" [fileName, count],
        /// No entry is the file.
        NotFound = "not-found" [fileName],
        /// The file was removed from disk and its entry erased.
        Deleted = "deleted" [fileName],
        /// The permission's prompt is still open, or its answer not seen yet.
        Waiting = "waiting" [fileName],
        /// The user refused the `downloads` permission: nothing was read or deleted.
        Refused = "refused" [fileName],
        /// The browser had no file left to remove.
        Gone = "gone" [fileName],
        /// The history changed between the offer and the click: nothing was deleted.
        Changed = "changed" [fileName],
    }
}

/// The answer: a code and its words' parameters, with the entry's `id` when it is `found`.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
pub struct DownloadMatch {
    pub code: DownloadCode,
    pub params: Params,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
}

/// The entry of `history` that is `file`, if exactly one is: same name (up to the suffix a browser
/// adds to tell two downloads of one name apart), same size, complete, still on disk, ended (else
/// started) within [`RECENT_MS`] of `now_ms`, and started no later than the file was last written.
/// When several are, the one with the file's very name wins if it is alone; otherwise none is.
pub fn find(file: &ImportedFile, history: &[Download], now_ms: i64) -> DownloadMatch {
    let candidates: Vec<&Download> = history
        .iter()
        .filter(|d| is_candidate(file, d, now_ms))
        .collect();
    let exact: Vec<u32> = candidates
        .iter()
        .filter(|d| base_name(&d.filename) == file.name)
        .map(|d| d.id)
        .collect();
    let one = match (candidates.as_slice(), exact.as_slice()) {
        ([only], _) => Some(only.id),
        (_, &[only]) => Some(only),
        _ => None,
    };
    let mut params = Params::from([("fileName", Param::from(file.name.as_str()))]);
    let code = match (one, candidates.len()) {
        (Some(_), _) => DownloadCode::Found,
        (None, 0) => DownloadCode::NotFound,
        (None, count) => {
            params.insert("count", Param::from(count));
            DownloadCode::Several
        }
    };
    DownloadMatch {
        code,
        params,
        id: one,
    }
}

/// [`find`] again right before deleting the entry `offered` (the id the offer named, shown to the
/// user): `found` only if it is still that entry; `gone` when that entry says its file is no longer
/// on disk; `changed` for any other change (the entry erased, another one matching, none).
pub fn recheck(
    file: &ImportedFile,
    history: &[Download],
    now_ms: i64,
    offered: u32,
) -> DownloadMatch {
    let mut answer = find(file, history, now_ms);
    if answer.id == Some(offered) {
        return answer;
    }
    let gone = history.iter().any(|d| d.id == offered && !d.exists);
    answer.code = if gone {
        DownloadCode::Gone
    } else {
        DownloadCode::Changed
    };
    answer.params.remove("count");
    answer.id = None;
    answer
}

fn is_candidate(file: &ImportedFile, download: &Download, now_ms: i64) -> bool {
    let size = if download.file_size >= 0 {
        download.file_size
    } else {
        download.total_bytes
    };
    let started = parse_rfc3339_ms(&download.start_time);
    // Firefox ESR 140 leaves `endTime` null on a complete download: its start is then the time.
    let ended = match download.end_time.as_deref() {
        Some(ended) => parse_rfc3339_ms(ended),
        None => started,
    };
    download.state == "complete"
        && download.exists
        && u64::try_from(size).is_ok_and(|size| size == file.size)
        && undecorated(base_name(&download.filename)) == undecorated(&file.name)
        && ended.is_some_and(|ended| ended <= now_ms + CLOCK_SLACK_MS && now_ms - ended <= RECENT_MS)
        // A file last written before the download started is another file of that name.
        && started.is_some_and(|started| file.last_modified + CLOCK_SLACK_MS >= started)
}

/// The last part of a path, with `/` or `\` (Windows) between folders.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// `name` without the suffix a browser adds when the name is taken in the folder: Chromium's
/// `credentials (1).csv` (components/download/internal/common/download_path_reservation_tracker.cc)
/// and Firefox's `credentials(1).csv` (toolkit/components/downloads/DownloadPaths.sys.mjs,
/// `createNiceUniqueFile`).
fn undecorated(name: &str) -> String {
    let (stem, extension) = match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    };
    let stripped = stem
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|(before, _)| before.strip_suffix(' ').unwrap_or(before))
        .filter(|before| !before.is_empty());
    format!("{}{extension}", stripped.unwrap_or(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-06T10:00:00Z.
    const NOW: i64 = 1_796_551_200_000;
    const MINUTE: i64 = 60_000;

    fn iso(ms: i64) -> String {
        crate::date::format_rfc3339_ms(ms).unwrap()
    }

    fn file(name: &str) -> ImportedFile {
        ImportedFile {
            name: name.into(),
            size: 118,
            last_modified: NOW - 5 * MINUTE,
        }
    }

    /// A download of 118 bytes, complete, on disk, that ended five minutes ago.
    fn download(id: u32, filename: &str) -> Download {
        Download {
            id,
            filename: filename.into(),
            file_size: 118,
            total_bytes: 118,
            exists: true,
            state: "complete".into(),
            start_time: iso(NOW - 5 * MINUTE - 300),
            end_time: Some(iso(NOW - 5 * MINUTE)),
        }
    }

    fn found(file: &ImportedFile, history: &[Download]) -> (DownloadCode, Option<u32>) {
        let answer = find(file, history, NOW);
        (answer.code, answer.id)
    }

    #[test]
    fn the_one_download_of_the_file_is_found() {
        let history = [
            download(1, "/home/ana/Downloads/report.pdf"),
            download(7, "/home/ana/Downloads/credentials.csv"),
        ];
        let answer = find(&file("credentials.csv"), &history, NOW);
        assert_eq!((answer.code, answer.id), (DownloadCode::Found, Some(7)));
        assert_eq!(
            serde_json::to_value(&answer).unwrap(),
            serde_json::json!({"code": "found", "params": {"fileName": "credentials.csv"}, "id": 7})
        );
    }

    #[test]
    fn windows_paths_are_read_to_their_last_part() {
        let history = [download(3, r"C:\Users\ana\Downloads\credentials.csv")];
        assert_eq!(
            found(&file("credentials.csv"), &history),
            (DownloadCode::Found, Some(3))
        );
    }

    #[test]
    fn both_browsers_suffixes_for_a_taken_name_are_the_same_file() {
        for on_disk in [
            "credentials (1).csv",
            "credentials(1).csv",
            "credentials (12).csv",
        ] {
            let history = [download(4, &format!("/dl/{on_disk}"))];
            assert_eq!(
                found(&file("credentials.csv"), &history),
                (DownloadCode::Found, Some(4)),
                "{on_disk}"
            );
            assert_eq!(
                found(&file(on_disk), &[download(5, "/dl/credentials.csv")]),
                (DownloadCode::Found, Some(5)),
                "{on_disk}"
            );
        }
        for other in [
            "credentials (x).csv",
            "credentials ().csv",
            "credentials 1.csv",
            "credentials.json",
            "my credentials.csv",
        ] {
            let history = [download(4, &format!("/dl/{other}"))];
            assert_eq!(
                found(&file("credentials.csv"), &history).0,
                DownloadCode::NotFound,
                "{other}"
            );
        }
    }

    #[test]
    fn a_file_of_another_size_is_not_the_file() {
        let mut other = download(2, "/dl/credentials.csv");
        other.file_size = 119;
        other.total_bytes = 119;
        assert_eq!(
            found(&file("credentials.csv"), &[other]),
            (DownloadCode::NotFound, None)
        );
        // The size on disk counts; the bytes sent only when the browser does not know it.
        let mut unknown_on_disk = download(2, "/dl/credentials.csv");
        unknown_on_disk.file_size = -1;
        assert_eq!(
            found(&file("credentials.csv"), &[unknown_on_disk]).0,
            DownloadCode::Found
        );
        let mut compressed = download(2, "/dl/credentials.csv");
        compressed.total_bytes = 90;
        assert_eq!(
            found(&file("credentials.csv"), &[compressed]).0,
            DownloadCode::Found
        );
    }

    #[test]
    fn only_a_complete_download_still_on_disk_and_recent_is_the_file() {
        let name = file("credentials.csv");
        let mut gone = download(1, "/dl/credentials.csv");
        gone.exists = false;
        let mut running = download(2, "/dl/credentials.csv");
        running.state = "in_progress".into();
        let mut interrupted = download(3, "/dl/credentials.csv");
        interrupted.state = "interrupted".into();
        let mut old = download(4, "/dl/credentials.csv");
        old.start_time = iso(NOW - RECENT_MS - 2 * MINUTE);
        old.end_time = Some(iso(NOW - RECENT_MS - MINUTE));
        let mut future = download(5, "/dl/credentials.csv");
        future.end_time = Some(iso(NOW + MINUTE));
        // Without an end time (Firefox), the start says when.
        let mut old_unended = download(6, "/dl/credentials.csv");
        old_unended.start_time = iso(NOW - RECENT_MS - MINUTE);
        old_unended.end_time = None;
        for entry in [gone, running, interrupted, old, future, old_unended] {
            assert_eq!(
                found(&name, std::slice::from_ref(&entry)),
                (DownloadCode::NotFound, None),
                "{entry:?}"
            );
        }
    }

    #[test]
    fn a_file_written_before_the_download_started_is_another_file() {
        let mut older = file("credentials.csv");
        older.last_modified = NOW - 20 * MINUTE;
        assert_eq!(
            found(&older, &[download(1, "/dl/credentials.csv")]).0,
            DownloadCode::NotFound
        );
        // Within the slack of a file system's rounding, it is the same.
        let mut rounded = file("credentials.csv");
        rounded.last_modified = NOW - 5 * MINUTE - 300 - 1_500;
        assert_eq!(
            found(&rounded, &[download(1, "/dl/credentials.csv")]).0,
            DownloadCode::Found
        );
    }

    #[test]
    fn two_downloads_that_could_be_the_file_are_neither() {
        // A user's two keys: their CSVs have the same size.
        let history = [
            download(1, "/dl/credentials.csv"),
            download(2, "/dl/credentials (1).csv"),
            download(3, "/dl/credentials(1).csv"),
        ];
        // The file's very name tells them apart, when one has it.
        assert_eq!(
            found(&file("credentials (1).csv"), &history),
            (DownloadCode::Found, Some(2))
        );
        let answer = find(&file("credentials (2).csv"), &history, NOW);
        assert_eq!((answer.code, answer.id), (DownloadCode::Several, None));
        assert_eq!(
            serde_json::to_value(&answer.params).unwrap(),
            serde_json::json!({"fileName": "credentials (2).csv", "count": 3})
        );
        let twice = [
            download(1, "/dl/credentials.csv"),
            download(2, "/other/credentials.csv"),
        ];
        assert_eq!(
            found(&file("credentials.csv"), &twice),
            (DownloadCode::Several, None)
        );
    }

    #[test]
    fn the_offered_entry_is_deleted_only_if_it_is_still_the_match() {
        let name = file("credentials.csv");
        let history = [download(7, "/dl/credentials.csv")];
        assert_eq!(recheck(&name, &history, NOW, 7), find(&name, &history, NOW));
        let changed = |history: &[Download]| {
            let answer = recheck(&name, history, NOW, 7);
            (answer.code, answer.id, answer.params.len())
        };
        // Another entry is now the file, or the offered one was erased, or a second one came.
        assert_eq!(
            changed(&[download(8, "/dl/credentials.csv")]),
            (DownloadCode::Changed, None, 1)
        );
        assert_eq!(changed(&[]), (DownloadCode::Changed, None, 1));
        assert_eq!(
            changed(&[
                download(7, "/dl/credentials.csv"),
                download(8, "/other/credentials.csv")
            ]),
            (DownloadCode::Changed, None, 1)
        );
        // The browser saw the file gone from disk.
        let mut removed = download(7, "/dl/credentials.csv");
        removed.exists = false;
        assert_eq!(changed(&[removed]), (DownloadCode::Gone, None, 1));
    }

    #[test]
    fn an_item_as_the_browsers_give_it_is_read() {
        // Chromium's item (more fields, ignored): `endTime` once ended.
        let chromium: Download = serde_json::from_value(serde_json::json!({
            "id": 9, "url": "blob:https://console.example/0f1e", "filename": "/tmp/dl/credentials.csv",
            "mime": "text/csv", "state": "complete", "exists": true, "fileSize": 118, "totalBytes": 118,
            "bytesReceived": 118, "startTime": "2026-12-06T09:54:59.700Z", "endTime": "2026-12-06T09:55:00.000Z",
            "danger": "safe", "paused": false, "incognito": false
        }))
        .unwrap();
        assert_eq!(
            found(&file("credentials.csv"), &[chromium]),
            (DownloadCode::Found, Some(9))
        );
        // Firefox ESR 140's, as its `downloads.search` gave it for a complete download: `endTime` null.
        let firefox: Download = serde_json::from_value(serde_json::json!({
            "byExtensionId": null, "byExtensionName": null, "bytesReceived": 118, "canResume": false,
            "cookieStoreId": "firefox-default", "danger": "safe", "endTime": null, "error": null,
            "estimatedEndTime": null, "exists": true, "fileSize": 118, "filename": "/tmp/dl/credentials.csv",
            "id": 1, "incognito": false, "mime": "text/csv", "paused": false, "referrer": null,
            "startTime": "2026-12-06T09:54:59.700Z", "state": "complete", "totalBytes": 118,
            "url": "blob:https://console.example/0f1e"
        }))
        .unwrap();
        assert_eq!(
            found(&file("credentials.csv"), &[firefox]),
            (DownloadCode::Found, Some(1))
        );
        let running: Download = serde_json::from_value(serde_json::json!({
            "id": 10, "filename": "/tmp/dl/credentials.csv", "state": "in_progress", "startTime": "2026-12-06T09:54:59.700Z"
        }))
        .unwrap();
        assert_eq!(running.end_time, None);
        assert_eq!(running.file_size, -1);
    }
}
