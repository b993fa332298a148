# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

GUEST_CATEGORIES = ("staff", "public", "media", "partner")
RSVP_STATUSES = ("invited", "confirmed", "declined", "attended", "no_show")


class EventEvent(models.Model):
    _name = "event.event"
    _inherit = ["event.event", "comms.calendar.mirror.mixin"]

    # office
    is_comms_event = fields.Boolean(
        string="Office Event",
        compute="_compute_is_comms_event",
        store=True,
        readonly=False,
        index=True,
        help="Organised by the communication office: listed in the Communication "
        "app and mirrored in the organisers' calendars.",
    )
    comms_objective = fields.Text(
        string="Objective",
        help="What the event must achieve, stated so that it can be checked "
        "afterwards.",
    )
    comms_target_audience = fields.Text(string="Target Audience")
    comms_organiser_unit = fields.Char(
        string="Organising Unit",
        help="Department or service of the institution that organises the event.",
    )
    comms_organiser_ids = fields.Many2many(
        "res.users",
        "event_event_comms_organiser_rel",
        "event_id",
        "user_id",
        string="Organisers",
        domain=[("share", "=", False)],
        help="Staff organising the event, besides the responsible: the event is "
        "placed in their calendars.",
    )
    comms_expected_media_ids = fields.Many2many(
        "res.partner",
        "event_event_comms_expected_media_rel",
        "event_id",
        "partner_id",
        string="Expected Media",
        domain=[("is_media", "=", True)],
        help="Outlets and journalists expected to cover the event.",
    )
    campaign_id = fields.Many2one(
        "comms.campaign",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        groups="comms_office.group_comms_user",
        domain="[('state', '!=', 'cancel')]",
        help="The campaign the event serves: its attendance counts in the "
        "campaign's indicators and it appears with the campaign in the "
        "editorial calendar.",
    )
    comms_material_count = fields.Integer(
        string="Materials",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )
    comms_coverage_count = fields.Integer(
        string="Clippings",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )
    comms_session_ids = fields.One2many(
        "comms.event.session", "event_id", string="Agenda", copy=True
    )
    comms_plan_launched = fields.Boolean(string="Logistics Plan Launched", copy=False)
    # guests, by category (not declined) and by answer; the figures and their
    # definition are those of ``event.registration._comms_attendance_figures``
    guest_invitation_count = fields.Integer(
        string="Invited",
        compute="_compute_guest_counts",
        help="Guests invited by the office, whatever their answer; walk-ins were "
        "not invited.",
    )
    guest_count = fields.Integer(string="Guests", compute="_compute_guest_counts")
    guest_expected_count = fields.Integer(
        string="Expected",
        compute="_compute_guest_counts",
        help="Guests who did not decline, walk-ins included.",
    )
    guest_staff_count = fields.Integer(string="Staff", compute="_compute_guest_counts")
    guest_public_count = fields.Integer(
        string="Public", compute="_compute_guest_counts"
    )
    guest_media_count = fields.Integer(string="Media", compute="_compute_guest_counts")
    guest_partner_count = fields.Integer(
        string="Partners", compute="_compute_guest_counts"
    )
    guest_invited_count = fields.Integer(
        string="Awaiting Answer", compute="_compute_guest_counts"
    )
    guest_confirmed_count = fields.Integer(
        string="Confirmed", compute="_compute_guest_counts"
    )
    guest_declined_count = fields.Integer(
        string="Declined", compute="_compute_guest_counts"
    )
    guest_attended_count = fields.Integer(
        string="Attended", compute="_compute_guest_counts"
    )
    guest_no_show_count = fields.Integer(
        string="No-shows", compute="_compute_guest_counts"
    )
    guest_walk_in_count = fields.Integer(
        string="Walk-ins", compute="_compute_guest_counts"
    )
    # satisfaction survey
    comms_survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Survey",
        copy=False,
        help="Sent to the guests who attended, once the event is over.",
    )
    survey_answer_count = fields.Integer(
        string="Survey Answers", compute="_compute_survey_results"
    )
    survey_score_avg = fields.Float(
        string="Average Satisfaction (%)",
        compute="_compute_survey_results",
        digits=(5, 1),
    )

    # evaluation
    comms_indicator_ids = fields.One2many(
        "comms.indicator",
        "event_id",
        string="Indicators",
        groups="comms_office.group_comms_user",
    )
    comms_recommendation_ids = fields.One2many(
        "comms.recommendation",
        "event_id",
        string="Recommendations",
        groups="comms_office.group_comms_user",
    )
    attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        compute="_compute_guest_counts",
        digits=(5, 1),
        help="Guests who attended among the guests expected: those who did not "
        "decline, walk-ins included.",
    )
    attendance_rate_display = fields.Char(
        string="Attendance Rate",
        compute="_compute_guest_counts",
        help="Guests who attended among the guests expected: those who did not "
        "decline, walk-ins included. A dash while nobody is expected.",
    )

    @api.depends("event_type_id")
    def _compute_is_comms_event(self):
        for event in self:
            if event.event_type_id.is_comms_type:
                event.is_comms_event = True

    @api.depends_context("lang")
    def _compute_guest_counts(self):
        count_fields = [f"guest_{category}_count" for category in GUEST_CATEGORIES]
        count_fields += [f"guest_{status}_count" for status in RSVP_STATUSES]
        count_fields += ["guest_walk_in_count"]
        counts = {event_id: dict.fromkeys(count_fields, 0) for event_id in self.ids}
        answers = {event_id: [] for event_id in self.ids}
        if self.ids:
            groups = self.env["event.registration"]._read_group(
                [("event_id", "in", self.ids)],
                ["event_id", "guest_category", "rsvp_status", "is_walk_in"],
                ["__count"],
            )
            for event, category, status, walk_in, count in groups:
                values = counts[event.id]
                answers[event.id].append((status, walk_in, count))
                if status:
                    values[f"guest_{status}_count"] += count
                if walk_in:
                    values["guest_walk_in_count"] += count
                if status != "declined" and category:
                    values[f"guest_{category}_count"] += count
        for event in self:
            values = counts.get(event.id) or dict.fromkeys(count_fields, 0)
            figures = self.env["event.registration"]._comms_attendance_figures(
                answers.get(event.id, [])
            )
            values.update(
                guest_invitation_count=figures["invited"],
                guest_count=figures["expected"],
                guest_expected_count=figures["expected"],
                attendance_rate=figures["rate"] or 0.0,
                attendance_rate_display=self.env["res.lang"]._comms_format_percentage(
                    figures["rate"]
                ),
            )
            event.update(values)

    def _compute_survey_results(self):
        results = {}
        if self.ids:
            results = {
                event.id: (count, score)
                for event, count, score in self.env["survey.user_input"]._read_group(
                    [("comms_event_id", "in", self.ids), ("state", "=", "done")],
                    ["comms_event_id"],
                    ["__count", "scoring_percentage:avg"],
                )
            }
        for event in self:
            count, score = results.get(event.id, (0, 0.0))
            event.survey_answer_count = count
            event.survey_score_avg = score or 0.0

    @api.onchange("event_type_id")
    def _onchange_event_type_comms_duration(self):
        if self.event_type_id.comms_duration and self.date_begin:
            self.date_end = self.date_begin + timedelta(
                hours=self.event_type_id.comms_duration
            )

    def _compute_comms_media_counts(self):
        counts = {
            model: dict(
                self.env[model]._read_group(
                    [("event_id", "in", self.ids)], ["event_id"], ["__count"]
                )
            )
            for model in ("comms.material", "comms.coverage")
        }
        for event in self:
            event.comms_material_count = counts["comms.material"].get(event._origin, 0)
            event.comms_coverage_count = counts["comms.coverage"].get(event._origin, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        type_ids = {
            vals["event_type_id"] for vals in vals_list if vals.get("event_type_id")
        }
        types = self.env["event.type"].browse(type_ids)
        for vals in vals_list:
            if vals.get("date_end") or not vals.get("date_begin"):
                continue
            event_type = types.browse(vals.get("event_type_id"))
            if event_type.comms_duration:
                vals["date_end"] = fields.Datetime.to_datetime(
                    vals["date_begin"]
                ) + timedelta(hours=event_type.comms_duration)
        return super().create(vals_list)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _action_view_comms_media(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "default_campaign_id": self.campaign_id.id,
        }
        return action

    def action_view_comms_materials(self):
        return self._action_view_comms_media("comms_office.comms_material_action")

    def action_view_comms_coverage(self):
        return self._action_view_comms_media("comms_office.comms_coverage_action")

    def action_comms_cancel(self):
        self.write({"kanban_state": "cancel"})

    def action_comms_reopen(self):
        self.write({"kanban_state": "normal"})

    def action_open_invite_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invite Guests"),
            "res_model": "comms.event.invite",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

    def action_view_guests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.event_registration_action_guests"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "search_default_group_rsvp_status": 1,
        }
        return action

    def action_add_walk_in(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Walk-in Guest"),
            "res_model": "event.registration",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "comms_office.event_registration_view_form_walk_in"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {
                "default_event_id": self.id,
                "default_is_walk_in": True,
                "default_state": "done",
            },
        }

    def action_launch_logistics_plan(self):
        """Odoo's plan scheduling on the type's logistics checklist: each task
        is due the plan's delay before the event starts."""
        self.ensure_one()
        plan = self.event_type_id.activity_plan_id
        if not plan:
            raise UserError(
                self.env._(
                    "The type of the event %(event)s has no logistics plan.",
                    event=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Launch Logistics Plan"),
            "res_model": "mail.activity.schedule",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "active_model": self._name,
                "active_id": self.id,
                "active_ids": self.ids,
                "default_plan_id": plan.id,
                # tasks the plan leaves to be assigned go to the event's responsible
                "default_plan_on_demand_user_id": (self.user_id or self.env.user).id,
            },
        }

    def action_send_survey(self):
        """Send the satisfaction survey to the guests who attended: one personal
        answer link each (Odoo's survey invitation email), never twice."""
        self.ensure_one()
        if not self.comms_survey_id:
            raise UserError(
                self.env._("Choose the satisfaction survey of the event first.")
            )
        attendees = self.registration_ids.filtered(
            lambda registration: (
                registration.rsvp_status == "attended"
                and (registration.partner_id or registration.email)
            )
        )
        if not attendees:
            raise UserError(
                self.env._("Nobody is marked as having attended the event yet.")
            )
        survey = self.comms_survey_id
        existing = self.env["survey.user_input"].search(
            [("comms_event_id", "=", self.id), ("survey_id", "=", survey.id)]
        )
        done_partners = existing.partner_id
        done_emails = set(existing.mapped("email"))
        answers = self.env["survey.user_input"]
        for registration in attendees:
            if registration.partner_id:
                if registration.partner_id in done_partners:
                    continue
                done_partners |= registration.partner_id
                answers |= survey._create_answer(
                    partner=registration.partner_id,
                    check_attempts=False,
                    comms_event_id=self.id,
                )
            elif registration.email not in done_emails:
                done_emails.add(registration.email)
                answers |= survey._create_answer(
                    email=registration.email,
                    check_attempts=False,
                    comms_event_id=self.id,
                )
        template = self.env.ref(
            "survey.mail_template_user_input_invite", raise_if_not_found=False
        )
        if template and answers:
            template.send_mail_batch(
                answers.ids, email_layout_xmlid="mail.mail_notification_light"
            )
        self.message_post(
            body=self.env._(
                "Satisfaction survey %(survey)s sent to %(count)s attendees.",
                survey=survey.title,
                count=len(answers),
            )
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Survey sent to %(count)s attendees.", count=len(answers)
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_view_survey_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "survey.action_survey_user_input"
        )
        action["domain"] = [("comms_event_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_view_campaign(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "comms.campaign",
            "res_id": self.campaign_id.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_view_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------
    # CALENDAR MIRROR
    # ------------------------------------------------------------

    @api.model
    def _comms_mirror_fields(self):
        return {
            "name",
            "date_begin",
            "date_end",
            "user_id",
            "comms_organiser_ids",
            "address_id",
            "active",
            "kanban_state",
            "stage_id",
            "is_comms_event",
            "comms_objective",
        }

    def _comms_mirror_is_live(self):
        self.ensure_one()
        return self.is_comms_event and self.active and self.kanban_state != "cancel"

    def _comms_mirror_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.date_begin,
            "stop": self.date_end,
            "allday": False,
            "user_id": self.user_id.id,
            "partner_ids": [Command.set(self._get_calendar_partners().ids)],
            "location": self.address_id.display_name or False,
            "description": self.comms_objective or False,
            "res_model_id": self.env["ir.model"]._get_id("event.event"),
            "res_id": self.id,
        }

    def _get_calendar_partners(self):
        """Organisers and speakers: the people whose calendars hold the event."""
        self.ensure_one()
        return (
            self.user_id.partner_id
            | self.comms_organiser_ids.partner_id
            | self.comms_session_ids.speaker_id
        )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _comms_indicator_values(self):
        """Values the module knows for the indicators, per event.

        Return ``{event_id: {source: value}}`` like
        ``comms.campaign._comms_indicator_values``: guests and attendance from
        the registrations, answers and satisfaction from the survey, each
        read for the whole batch at once.
        """
        # staff read indicator actuals without access to the media records
        media = self.env["comms.indicator"]._get_media_values(self.sudo(), "event_id")
        return {
            event.id: {
                **media[event.id],
                "event_count": 1,
                "guest_invited": event.guest_invitation_count,
                "guest_attended": event.guest_attended_count,
                "attendance_rate": event.attendance_rate,
                "survey_answers": event.survey_answer_count,
                "survey_satisfaction": event.survey_score_avg,
            }
            for event in self
        }

    @api.model
    def _comms_set_company(self, vals_list):
        """Give the evaluation records created for an event (indicators,
        recommendations) the event's company, unless they name one."""
        event_ids = {
            vals["event_id"]
            for vals in vals_list
            if vals.get("event_id") and not vals.get("company_id")
        }
        if not event_ids:
            return
        # the user's own rights: the ids come from them, and who links an
        # evaluation record to an event reads that event
        events = self.browse(event_ids)
        companies = {event.id: event.company_id.id for event in events}
        for vals in vals_list:
            if vals.get("event_id") and not vals.get("company_id"):
                company_id = companies.get(vals["event_id"])
                if company_id:
                    vals["company_id"] = company_id

    def _get_survey_score_display(self):
        """Average satisfaction in the report's language, a dash without answers."""
        self.ensure_one()
        return self.env["res.lang"]._comms_format_percentage(
            self.survey_score_avg if self.survey_answer_count else None
        )

    def _get_attendance_by_category(self):
        """Guests and attendance per category, for the event report: the same
        figures as on the event, category by category."""
        self.ensure_one()
        labels = dict(
            self.env["event.registration"]
            ._fields["guest_category"]
            ._description_selection(self.env)
        )
        answers = {category: [] for category in GUEST_CATEGORIES}
        everyone = []
        for category, status, walk_in, count in self.env[
            "event.registration"
        ]._read_group(
            [("event_id", "=", self.id)],
            ["guest_category", "rsvp_status", "is_walk_in"],
            ["__count"],
        ):
            everyone.append((status, walk_in, count))
            if category:
                answers[category].append((status, walk_in, count))
        rows = []
        for label, groups in [
            *((labels[category], answers[category]) for category in GUEST_CATEGORIES),
            (self.env._("Total"), everyone),
        ]:
            figures = self.env["event.registration"]._comms_attendance_figures(groups)
            rows.append(
                dict(
                    figures,
                    label=label,
                    rate_display=self.env["res.lang"]._comms_format_percentage(
                        figures["rate"]
                    ),
                )
            )
        return rows
