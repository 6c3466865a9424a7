"""Where a board lives: mounts, shares, synced folders and servers, told apart without real
mounts (the pure parts take text and a fake folder listing), plus the real machine."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from renkei.store.location import (
    DRIVE_REMOTE,
    LOCAL,
    SERVER,
    SHARE,
    SYNCED,
    BoardLocation,
    classify_fstype,
    mount_for,
    parse_mountinfo,
    synced_client,
    where,
    windows_share,
)

# A laptop: root on ext4, a tmpfs, two shares, and a share whose mount point has a space.
MOUNTINFO = "\n".join(
    [
        "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw",
        "23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw",
        "24 22 0:22 / /tmp rw,nosuid,nodev shared:6 - tmpfs tmpfs rw",
        "40 22 0:45 / /mnt/team rw,nosuid,nodev,relatime shared:7 - fuse.sshfs "
        "kenta@nas:/srv/team rw,user_id=1000,group_id=1000",
        "41 22 0:46 / /mnt/Team\\040Share rw,relatime shared:8 - cifs //nas/Team\\040Share "
        "rw,vers=3.1.1",
        "42 40 8:3 / /mnt/team/local rw,relatime - ext4 /dev/sdb1 rw",
        "43 22 0:47 / /home/kenta/nfs rw,relatime master:2 propagate_from:1 - nfs4 nas:/export rw",
        "not a mountinfo line",
    ]
)


def no_markers(_folder: str) -> list[str]:
    return []


def listing(folders: dict[str, list[str]]):
    """A fake folder listing: the given folders hold the given names, others nothing."""
    return lambda folder: folders.get(folder, [])


# -- mountinfo ------------------------------------------------------------------------------


def test_mountinfo_is_parsed_past_optional_fields_and_escapes():
    mounts = parse_mountinfo(MOUNTINFO)
    assert [m.mount_point for m in mounts] == [
        "/",
        "/proc",
        "/tmp",
        "/mnt/team",
        "/mnt/Team Share",
        "/mnt/team/local",
        "/home/kenta/nfs",
    ]
    assert mounts[4].fstype == "cifs" and mounts[4].source == "//nas/Team Share"
    assert mounts[6].fstype == "nfs4"  # after two optional fields


def test_the_longest_mount_point_holds_the_path():
    mounts = parse_mountinfo(MOUNTINFO)
    assert mount_for("/mnt/team/plan.renkei", mounts).fstype == "fuse.sshfs"
    assert mount_for("/mnt/team/local/plan.renkei", mounts).fstype == "ext4"
    assert mount_for("/mnt/teamwork/plan.renkei", mounts).mount_point == "/"  # not a prefix
    assert mount_for("/mnt/Team Share/a b.renkei", mounts).fstype == "cifs"


def test_a_later_mount_on_the_same_point_hides_the_earlier():
    text = MOUNTINFO + "\n50 22 0:50 / /tmp rw - nfs nas:/tmp rw"
    assert mount_for("/tmp/x.renkei", parse_mountinfo(text)).fstype == "nfs"


@pytest.mark.parametrize(
    ("fstype", "kind", "detail"),
    [
        ("fuse.sshfs", SHARE, "sshfs"),
        ("fuse.rclone", SHARE, "rclone"),
        ("fuse.smbnetfs", SHARE, "smbnetfs"),
        ("fuse.s3fs", SHARE, "s3fs"),
        ("fuse.davfs", SHARE, "davfs"),
        ("davfs", SHARE, "davfs"),
        ("cifs", SHARE, "cifs"),
        ("smb3", SHARE, "smb3"),
        ("smbfs", SHARE, "smbfs"),
        ("nfs", SHARE, "nfs"),
        ("nfs4", SHARE, "nfs4"),
        ("9p", SHARE, "9p"),
        ("afs", SHARE, "afs"),
        ("ceph", SHARE, "ceph"),
        ("glusterfs", SHARE, "glusterfs"),
        ("afpfs", SHARE, "afpfs"),
        ("webdav", SHARE, "webdav"),
        ("ext4", LOCAL, "ext4"),
        ("xfs", LOCAL, "xfs"),
        ("btrfs", LOCAL, "btrfs"),
        ("tmpfs", LOCAL, "tmpfs"),
        ("overlay", LOCAL, "overlay"),
        ("zfs", LOCAL, "zfs"),
        ("apfs", LOCAL, "apfs"),
        ("fuseblk", LOCAL, "fuseblk"),  # ntfs-3g on a local disk
        ("fuse.portal", LOCAL, "portal"),  # the desktop's document portal
    ],
)
def test_file_system_types(fstype, kind, detail):
    assert classify_fstype(fstype) == (kind, detail)


def test_an_untyped_fuse_mount_is_named_by_its_program():
    assert classify_fstype("fuse", "sshfs#kenta@nas:/srv") == (SHARE, "sshfs")


def test_where_on_linux_uses_the_mount():
    place = where("/mnt/team/plan.renkei", platform="linux", mountinfo=MOUNTINFO, names=no_markers)
    assert (place.kind, place.detail) == (SHARE, "sshfs")
    assert place.shared
    assert (
        where(
            "/mnt/team/local/plan.renkei", platform="linux", mountinfo=MOUNTINFO, names=no_markers
        ).kind
        == LOCAL
    )
    place = where(
        "/home/kenta/nfs/a.renkei", platform="linux", mountinfo=MOUNTINFO, names=no_markers
    )
    assert (place.kind, place.detail) == (SHARE, "nfs4")


# -- synced folders ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "client"),
    [
        (r"C:\Users\kenta\OneDrive\Boards\team.renkei", "OneDrive"),
        (r"C:\Users\kenta\OneDrive - 株式会社山田製作所\営業部\team.renkei", "OneDrive"),
        (r"C:\Users\kenta\Dropbox (Yamada Inc)\team.renkei", "Dropbox"),
        (r"G:\My Drive\team.renkei", "Google Drive"),
        (r"G:\マイドライブ\チーム\team.renkei", "Google Drive"),
        (r"C:\Users\kenta\iCloudDrive\team.renkei", "iCloud Drive"),
        (r"C:\Users\kenta\Box\team.renkei", "Box"),
        (r"C:\Users\kenta\Nextcloud\team.renkei", "Nextcloud"),
    ],
)
def test_synced_folders_on_windows_by_name(path, client):
    assert synced_client(PureWindowsPath(path), no_markers) == client


@pytest.mark.parametrize(
    ("path", "client"),
    [
        ("/Users/kenta/Library/CloudStorage/OneDrive-株式会社山田製作所/team.renkei", "OneDrive"),
        ("/Users/kenta/Library/CloudStorage/OneDrive-Personal/team.renkei", "OneDrive"),
        (
            "/Users/kenta/Library/CloudStorage/GoogleDrive-kenta@example.jp/My Drive/t.renkei",
            "Google Drive",
        ),
        ("/Users/kenta/Library/CloudStorage/Dropbox/team.renkei", "Dropbox"),
        ("/Users/kenta/Library/CloudStorage/pCloud-kenta/team.renkei", "pCloud"),
        ("/Users/kenta/Library/Mobile Documents/com~apple~CloudDocs/team.renkei", "iCloud Drive"),
        ("/home/kenta/Dropbox/Box/team.renkei", "Dropbox"),  # the outermost name wins
        ("/home/kenta/Google Drive/team.renkei", "Google Drive"),
        ("/home/kenta/Box Sync/team.renkei", "Box"),
    ],
)
def test_synced_folders_on_posix_by_name(path, client):
    assert synced_client(PurePosixPath(path), no_markers) == client


def test_ordinary_folders_are_not_synced():
    for path in (
        "/home/kenta/boards/team.renkei",
        "/home/kenta/OneDriveBackup/team.renkei",
        "/home/kenta/boxes/team.renkei",
    ):
        assert synced_client(PurePosixPath(path), no_markers) is None


@pytest.mark.parametrize(
    ("marker", "client"),
    [
        (".stfolder", "Syncthing"),
        (".dropbox", "Dropbox"),
        (".dropbox.cache", "Dropbox"),
        (".sync_4f2a9c.db", "Nextcloud"),
        ("._sync_4f2a9c.db", "Nextcloud"),
    ],
)
def test_synced_folders_by_marker_in_an_ancestor(marker, client):
    names = listing({"/srv/data": [marker, "other.txt"]})
    assert synced_client(PurePosixPath("/srv/data/team/plans/team.renkei"), names) == client
    assert synced_client(PurePosixPath("/srv/elsewhere/team.renkei"), names) is None


def test_a_marker_beats_a_folder_name():
    names = listing({"/home/kenta/Box/sync": [".stfolder"]})
    assert synced_client(PurePosixPath("/home/kenta/Box/sync/team.renkei"), names) == "Syncthing"


def test_a_synced_folder_on_a_share_is_reported_synced():
    names = listing({"/mnt/team/shared": [".stfolder"]})
    place = where(
        "/mnt/team/shared/team.renkei", platform="linux", mountinfo=MOUNTINFO, names=names
    )
    assert (place.kind, place.detail) == (SYNCED, "Syncthing")


def test_japanese_onedrive_for_business_on_windows():
    place = where(
        r"C:\Users\kenta\OneDrive - 株式会社山田製作所\ドキュメント\チーム.renkei",
        platform="win32",
        names=no_markers,
    )
    assert (place.kind, place.detail) == (SYNCED, "OneDrive")
    assert "OneDrive" in place.meaning() and "server" in place.meaning()


# -- Windows shares ----------------------------------------------------------------------------


def drives(remote: str):
    return lambda root: DRIVE_REMOTE if root == f"{remote}:\\" else 3  # 3: a fixed disk


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        (r"\\nas\team\plans\team.renkei", r"\\nas\team"),
        (r"\\?\UNC\nas\team\team.renkei", r"\\nas\team"),
        ("//nas/team/team.renkei", r"\\nas\team"),
        (r"Z:\plans\team.renkei", "network drive Z:"),
        (r"z:\team.renkei", "network drive Z:"),
    ],
)
def test_windows_shares(path, detail):
    assert windows_share(path, drives("Z")) == (SHARE, detail)


@pytest.mark.parametrize("path", [r"C:\Users\kenta\team.renkei", r"\\?\C:\long\team.renkei"])
def test_windows_local_paths(path):
    assert windows_share(path, drives("Z")) is None


def test_a_drive_type_that_fails_counts_as_local():
    def broken(_root: str) -> int:
        raise OSError("no")

    assert windows_share(r"Z:\team.renkei", broken) is None


# -- servers and sentences --------------------------------------------------------------------


def test_a_server_url_is_a_server_and_hides_its_password():
    place = where("postgresql+psycopg://kenta:s3cret@db.example.jp/renkei")
    assert (place.kind, place.detail) == (SERVER, "db.example.jp:5432")
    assert "s3cret" not in repr(place)
    assert where("postgresql://kenta@10.0.0.5:6543/renkei").detail == "10.0.0.5:6543"
    assert not place.shared


def test_each_place_has_one_sentence_for_a_team_lead():
    share = BoardLocation("/mnt/team/t.renkei", SHARE, "sshfs")
    assert share.headline() == "on a network share (sshfs)"
    assert "lock file" in share.meaning() and "up to 30 seconds" in share.meaning()
    assert "up to 90 seconds" in share.meaning(takeover_seconds=90)
    synced = BoardLocation("/home/k/Dropbox/t.renkei", SYNCED, "Dropbox")
    assert synced.headline() == "in a folder synced by Dropbox"
    assert "conflict copy" in synced.meaning() and "one person at a time" in synced.meaning()
    for place in (share, synced, BoardLocation("x", LOCAL), BoardLocation("y", SERVER, "h:1")):
        sentence = place.meaning()
        assert sentence.endswith(".") and sentence.count(". ") == 0  # one sentence


# -- the real machine ---------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="/proc exists on Linux only")
def test_on_this_machine_proc_is_proc_and_a_temporary_board_is_local(tmp_path):
    assert (where("/proc/self/status").kind, where("/proc/self/status").detail) == (
        LOCAL,
        "proc",
    )
    place = where(tmp_path / "team.renkei")
    assert place.kind == LOCAL and place.detail  # the file-system type of the temp folder


def test_on_this_machine_a_syncthing_marker_makes_a_synced_folder(tmp_path):
    (tmp_path / ".stfolder").mkdir()
    inner = tmp_path / "team" / "plans"
    inner.mkdir(parents=True)
    place = where(inner / "team.renkei")
    assert (place.kind, place.detail) == (SYNCED, "Syncthing")
    assert where(Path(tmp_path.parent, "elsewhere.renkei")).kind != SYNCED
