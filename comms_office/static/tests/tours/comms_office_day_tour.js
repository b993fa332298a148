/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

const openApp = () =>
    stepUtils.goToAppSteps(
        "comms_office.comms_office_menu_root",
        "Open the Communication app"
    );

// The officer, in Arabic: lands on their work, acknowledges a complaint.
registry.category("web_tour.tours").add("comms_office_day_officer_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The officer lands on their work, right to left",
            trigger: "body.o_rtl .o_list_view.o_comms_work_item_list",
        },
        {
            content: "Today's event is there",
            trigger: '.o_data_row td[name="name"]:contains("Tour open day")',
        },
        {
            content: "The complaint waits for its acknowledgment: open it",
            trigger: '.o_data_row td[name="name"]:contains("Tour: bruit la nuit")',
            run: "click",
        },
        {
            content: "Acknowledge it",
            trigger: '.o_form_view button[name="action_acknowledge"]',
            run: "click",
        },
        {
            content: "The complaint is acknowledged",
            trigger:
                '.o_statusbar_status .o_arrow_button_current[data-value="acknowledged"]',
        },
    ],
});

// The head of office, in French: lands on the overview, approves a campaign.
registry.category("web_tour.tours").add("comms_office_day_head_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The head of office lands on the overview of the office",
            trigger:
                "body:not(.o_rtl) .o_kanban_view.o_comms_work_item_kanban .o_kanban_renderer",
        },
        {
            content: "The screens speak French",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_office_menu_planning"]:contains("Planification")',
        },
        {
            content: "What is late shows",
            trigger:
                '.o_kanban_record:has(.o_comms_section_late):contains("Tour: dossier perdu")',
        },
        {
            content: "The campaign waits for their approval: open it",
            trigger:
                '.o_kanban_record:has(.o_comms_section_approval):contains("Tour campagne")',
            run: "click",
        },
        {
            content: "Approve it",
            trigger: '.o_form_view button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.modal .o_field_widget[name="comment"] input',
            run: "edit Objectifs clairs.",
        },
        {
            content: "Confirm the approval",
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "The campaign shows who approved it",
            trigger: '.o_form_view .o_field_widget[name="approved_by_ids"]',
        },
    ],
});

// The director: sees what comes to them next, approves what waits for them.
registry.category("web_tour.tours").add("comms_office_day_director_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The director lands on the overview of the office",
            trigger: ".o_kanban_view.o_comms_work_item_kanban .o_kanban_renderer",
        },
        {
            content: "The campaign still with the head of office comes next",
            trigger:
                '.o_kanban_record:has(.o_comms_section_next):contains("Tour budget suivant")',
        },
        {
            content: "The statement waits for the director: open it",
            trigger:
                '.o_kanban_record:has(.o_comms_section_approval):contains("Tour budget à signer")',
            run: "click",
        },
        {
            content: "Approve it",
            trigger: '.o_form_view button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.modal .o_field_widget[name="comment"] input',
            run: "edit Approved.",
        },
        {
            content: "Confirm the approval",
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "The campaign is approved",
            trigger: '.o_form_view .o_field_widget[name="approved_by_ids"]',
        },
        {
            content: "Back to the approvals: only what comes next is left",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_work_item_menu_to_approve"]',
            run: "click",
        },
        {
            trigger: '.o_data_row td[name="name"]:contains("Tour budget suivant")',
        },
        {
            trigger:
                '.o_list_view:not(:has(.o_data_row td[name="name"]:contains("Tour budget à signer")))',
        },
    ],
});

// The head of the emergency department: lands on their department's
// complaints and hands their findings back to the office.
registry.category("web_tour.tours").add("comms_office_day_department_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The department head lands on their work",
            trigger: ".o_list_view.o_comms_work_item_list",
        },
        {
            content: "Only the complaints of their department are there",
            trigger:
                '.o_list_view:not(:has(.o_data_row td[name="name"]:contains("Tour: maternité")))',
        },
        {
            content: "Hand the findings back to the office",
            trigger:
                '.o_data_row:contains("Tour: attente aux urgences") button.o_comms_hand_back',
            run: "click",
        },
        {
            content: "What the department found",
            trigger: '.modal .o_field_widget[name="findings"] .odoo-editor-editable',
            run: "editor Deux infirmiers étaient absents cette nuit-là.",
        },
        {
            content: "What it did about it",
            trigger: '.modal .o_field_widget[name="corrective_action"] textarea',
            run: "edit Un infirmier d'astreinte est prévu.",
        },
        {
            content: "Hand them back",
            trigger: '.modal button[name="action_hand_back"]',
            run: "click",
        },
        {
            content: "Back on the list",
            trigger: "body:not(:has(.modal)) .o_list_view.o_comms_work_item_list",
        },
    ],
});
