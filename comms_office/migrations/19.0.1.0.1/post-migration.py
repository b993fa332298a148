# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Mark the calendar mirrors created before mirrors carried their mark, so
that the synchronisation keeps recognising them: a linked meeting is the
office's own when it points back at the record it mirrors. Keep the guests
marked absent: the RSVP is now derived from the registration's state and a
no-show flag."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE calendar_event c
           SET comms_mirror_ref = 'event.event,' || e.id
          FROM event_event e
         WHERE e.calendar_event_id = c.id
           AND c.comms_mirror_ref IS NULL
           AND c.res_model = 'event.event'
           AND c.res_id = e.id
        """
    )
    cr.execute(
        """
        UPDATE calendar_event c
           SET comms_mirror_ref = 'comms.campaign.milestone,' || m.id
          FROM comms_campaign_milestone m
         WHERE m.calendar_event_id = c.id
           AND c.comms_mirror_ref IS NULL
           AND c.res_model = 'comms.campaign'
           AND c.res_id = m.campaign_id
        """
    )
    cr.execute(
        """
        UPDATE event_registration
           SET is_no_show = TRUE
         WHERE rsvp_status = 'no_show'
        """
    )
