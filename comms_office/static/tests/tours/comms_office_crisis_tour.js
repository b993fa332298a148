/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("comms_office_crisis_tour", {
    url: "/odoo/action-comms_office.comms_crisis_scenario_action",
    steps: () => [
        {
            content: "The screen reads right to left",
            trigger: "body.o_rtl .o_list_view",
        },
        {
            content: "Open the oxygen scenario",
            trigger: '.o_data_row td[name="name"]:contains("Tour oxygen")',
            run: "click",
        },
        {
            content: "Prepare a crisis from it",
            trigger: ".o_form_view .o_statusbar_buttons button.btn-danger",
            run: "click",
        },
        {
            content: "The crisis takes the scenario's cell",
            trigger:
                '.o_field_widget[name="member_ids"] .o_data_row:contains("Tour Director")',
        },
        {
            content: "Name the crisis",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Tour oxygen failure",
        },
        {
            content: "Say what is known",
            trigger: '.o_field_widget[name="known_facts"] textarea',
            run: "edit Oxygen pressure low in intensive care at 02:40.",
        },
        {
            content: "Activate it",
            trigger: 'button[name="action_activate"]',
            run: "click",
        },
        {
            content: "Confirm the alert to the cell",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The crisis is in its initial phase",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current[data-value="initial"]',
        },
        {
            content: "Draft the first statement",
            trigger: 'button[name="action_draft_statement"]',
            run: "click",
        },
        {
            content: "Ask for the fast-track approval",
            trigger: 'button[name="action_request_approval"]',
            run: "click",
        },
        {
            // the director holds the three fast-track tiers (head of office,
            // medical expert of the cell, director): one decision answers them
            content: "Approve it on the three tiers",
            trigger: 'button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.modal .o_field_widget[name="comment"] input',
            run: "edit Facts checked, publish.",
        },
        {
            content: "Confirm the approval",
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "Publish the statement",
            trigger: 'button[name="action_publish"]',
            run: "click",
        },
        {
            content: "The statement is published",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current[data-value="published"]',
        },
        {
            content: "Back to the crisis",
            trigger: ".o_breadcrumb .breadcrumb-item:nth-last-child(1) a",
            run: "click",
        },
        {
            content: "Open its rumours",
            trigger: 'button[name="action_view_rumours"]',
            run: "click",
        },
        {
            content: "Log a rumour",
            trigger: ".o_control_panel_main_buttons .o-kanban-button-new",
            run: "click",
        },
        {
            content: "What is said",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Patients died without oxygen",
        },
        {
            content: "Where it was seen",
            trigger: '.o_field_widget[name="seen_on"] input',
            run: "edit Facebook",
        },
        {
            content: "The facts",
            trigger: '.o_field_widget[name="fact"] .odoo-editor-editable',
            run: "editor No patient lacked oxygen: the backup took over in two minutes.",
        },
        {
            content: "Where the answer was published",
            trigger: '.o_field_widget[name="published_where"] input',
            run: "edit Official Facebook page",
        },
        {
            content: "Debunk it",
            trigger: 'button[name="action_debunk"]',
            run: "click",
        },
        {
            content: "The rumour is debunked",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current[data-value="debunked"]',
        },
    ],
});
