# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The office's figures, defined once and written the same way everywhere."""

from odoo.tools.float_utils import float_round
from odoo.tools.misc import get_lang

# what a figure shows when there is nothing to count it on
NO_FIGURE = "—"


def attendance_figures(groups):
    """Guests of one or several events from their registrations.

    ``groups`` yields ``(rsvp_status, is_walk_in, count)``. Invited: the
    guests the office invited, whatever their answer (walk-ins were not
    invited). Expected: everyone who did not decline, walk-ins included.
    Attended: everyone who came. The attendance rate is the attended among
    the expected, ``None`` when nobody is expected.
    """
    invited = expected = attended = walk_ins = declined = 0
    for status, walk_in, count in groups:
        if walk_in:
            walk_ins += count
        else:
            invited += count
        if status == "declined":
            declined += count
        else:
            expected += count
        if status == "attended":
            attended += count
    return {
        "invited": invited,
        "expected": expected,
        "attended": attended,
        "walk_ins": walk_ins,
        "declined": declined,
        "rate": 100.0 * attended / expected if expected else None,
    }


def format_percentage(env, value, digits=1):
    """``value`` (in %) in the language of ``env``: its decimal separator,
    and a dash rather than 0 % when there is nothing to count it on."""
    if value is None or value is False:
        return NO_FIGURE
    # the language's data is cached: no query, also for a batch of records;
    # without a language, figures read like the untranslated terms around them
    decimal_point = get_lang(env, env.lang or "en_US").decimal_point or "."
    number = f"{float_round(value, precision_digits=digits):.{digits}f}"
    return f"{number.replace('.', decimal_point)} %"
