# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Communication Office",
    "summary": "The communication office of a public institution: media, "
    "campaigns, events, complaints, crisis and health awareness",
    "version": "19.0.1.0.0",
    "category": "Marketing/Communication",
    "website": "https://github.com/comms-office/comms_office",
    "author": "Comms Office contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": [
        "mail",
        "calendar",
        "contacts",
        "resource",
        "portal",
        "utm",
        "mass_mailing",
        "survey",
        "event",
        "base_tier_validation",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        # security
        "security/comms_office_groups.xml",
        "security/comms_office_security.xml",
        "security/ir.model.access.csv",
        # data
        "data/resource_calendar_data.xml",
        "data/comms_media_beat_data.xml",
        "data/mail_template_data.xml",
        "data/event_type_data.xml",
        "data/survey_data.xml",
        # views
        "views/res_partner_views.xml",
        "views/comms_media_list_views.xml",
        "views/comms_media_beat_views.xml",
        "views/res_config_settings_views.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/comms_event_session_views.xml",
        "views/event_type_views.xml",
        # wizards
        "wizard/comms_event_invite_views.xml",
        # reports
        "report/event_event_reports.xml",
        "report/event_event_templates.xml",
        "views/comms_office_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/comms_media_list_demo.xml",
        "demo/event_event_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "comms_office/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
