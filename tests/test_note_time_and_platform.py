"""Notes written up after a past meeting keep the meeting's time frame; a missing
libxcb-cursor is explained in Swedish before Qt aborts."""

from datetime import datetime, timedelta, timezone

from dialogteam_app.domain.notes import Note, stamp_in_meeting
from dialogteam_app.ui.platform_check import MISSING_XCB_CURSOR, check_platform, would_use_xcb

EVENING = datetime(2026, 11, 30, 23, 14, tzinfo=timezone(timedelta(hours=1)))


def test_a_note_in_todays_meeting_takes_the_clock():
    stamp = stamp_in_meeting("2026-11-30", "09:00", "11:30", None, 5, now=EVENING)
    assert stamp.startswith("2026-11-30T23:14")


def test_a_note_in_a_past_meeting_takes_its_start_plus_elapsed_never_tonight():
    stamp = stamp_in_meeting("2026-09-08", "09:00", "11:30", None, 125, now=EVENING)
    assert stamp.startswith("2026-09-08T09:02:05")
    assert Note("m", "e", "x", taken_at=stamp).clock == "09:02"


def test_it_follows_the_meetings_notes_and_stays_within_its_end():
    latest = "2026-09-08T10:00:00.000+02:00"
    after = stamp_in_meeting("2026-09-08", "09:00", "11:30", latest, 60, now=EVENING)
    assert after == "2026-09-08T10:00:00.001+02:00"          # after the last note, same zone
    late = stamp_in_meeting("2026-09-08", "09:00", "11:30", None, 6 * 3600, now=EVENING)
    assert late.startswith("2026-09-08T11:30")


def test_a_past_meeting_without_start_time_gets_no_clock():
    stamp = stamp_in_meeting("2026-09-08", "", "", None, 300, now=EVENING)
    assert stamp.startswith("2026-09-08T00:00")
    assert Note("m", "e", "x", taken_at=stamp).clock == ""


def test_missing_xcb_cursor_is_named_in_swedish():
    env = {"DISPLAY": ":0"}
    assert would_use_xcb(env, "linux")
    message = check_platform(env, "linux", loadable=lambda _name: False)
    assert message == MISSING_XCB_CURSOR and "libxcb-cursor0" in message
    assert check_platform(env, "linux", loadable=lambda _name: True) is None
    assert check_platform({"DISPLAY": ":0"}, "win32", loadable=lambda _name: False) is None


def test_without_xcb_cursor_a_wayland_session_falls_back_to_wayland():
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert check_platform(env, "linux", loadable=lambda _name: False) == MISSING_XCB_CURSOR
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert check_platform(env, "linux", loadable=lambda _name: False) is None
    assert env["QT_QPA_PLATFORM"] == "wayland"
    assert not would_use_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
