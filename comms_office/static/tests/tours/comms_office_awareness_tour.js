/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

// The head of office, in French: a programme prepared from World Diabetes Day,
// approved, a session planned with its attendance, the knowledge test typed in
// from two paper sheets (before and after), and the gain.
function answer(row, label) {
    const line = `.modal .o_field_widget[name="line_ids"] .o_data_row:eq(${row})`;
    return [
        {
            content: `Tick the answer of question ${row + 1}`,
            trigger: `${line} td[name="answer_id"]`,
            run: "click",
        },
        {
            content: `Type "${label}"`,
            trigger: `${line} .o_field_widget[name="answer_id"] input`,
            run: `edit ${label}`,
        },
        {
            content: `Choose "${label}"`,
            trigger: `.o-autocomplete--dropdown-menu .dropdown-item:contains("${label}")`,
            run: "click",
        },
    ];
}

function choose(field, label) {
    return [
        {
            content: `Open the choices of ${field}`,
            trigger: `.modal .o_field_widget[name="${field}"] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: `Choose "${label}"`,
            trigger: `.o_select_menu_menu .o_select_menu_item:contains("${label}")`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("comms_office_awareness_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "comms_office.comms_office_menu_root",
            "Open the Communication app"
        ),
        {
            content: "Open the Awareness menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_office_menu_awareness"]',
            run: "click",
        },
        {
            content: "Open the world health days",
            trigger:
                '.dropdown-item[data-menu-xmlid="comms_office.comms_health_day_menu"]',
            run: "click",
        },
        {
            content: "Open World Diabetes Day, in French",
            trigger: '.o_data_row td:contains("Journée mondiale du diabète")',
            run: "click",
        },
        {
            content: "Prepare its programme now",
            trigger: 'button[name="action_prepare"]:contains("Préparer maintenant")',
            run: "click",
        },
        {
            content: "The draft programme of the day opens",
            trigger:
                '.o_field_widget[name="health_day_id"] input:value("Journée mondiale du diabète")',
        },
        {
            content: "Submit it for approval",
            trigger: 'button[name="action_request_approval"]',
            run: "click",
        },
        {
            content: "The head of office approves it",
            trigger: 'button[name="validate_tier"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.modal .o_field_widget[name="comment"] input',
            run: "edit Objectifs clairs, allez-y.",
        },
        {
            content: "Confirm the approval",
            trigger: '.modal button[name="add_comment"]',
            run: "click",
        },
        {
            content: "The programme is approved and may start",
            trigger: 'button[name="action_start"]',
        },
        {
            content: "Open the sessions",
            trigger: '.o_notebook a[name="sessions"]',
            run: "click",
        },
        {
            content: "Plan a session",
            trigger:
                '.o_field_widget[name="session_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Name it",
            trigger: '.modal .o_field_widget[name="name"] input',
            run: "edit Élèves de l'école Ibn Rochd",
        },
        {
            content: "In Berrouaghia",
            trigger: '.modal .o_field_widget[name="commune_id"] input',
            run: "edit Berrouaghia",
        },
        {
            content: "Choose the commune",
            trigger:
                '.o-autocomplete--dropdown-menu .dropdown-item:contains("Berrouaghia")',
            run: "click",
        },
        {
            content: "Record the attendance",
            trigger:
                '.modal .o_field_widget[name="attendance_line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        ...choose("sex", "Féminin"),
        ...choose("age_band", "Moins de 15 ans"),
        {
            content: "35 of them",
            trigger: '.modal .o_field_widget[name="count"] input',
            run: "edit 35",
        },
        {
            content: "Save the session",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The session is planned with its 35 people",
            trigger:
                '.o_field_widget[name="session_ids"] .o_data_row:contains("Ibn Rochd") td:contains("35")',
        },
        {
            content: "Open the knowledge test",
            trigger: '.o_notebook a[name="knowledge"]',
            run: "click",
        },
        {
            content: "The pre-test",
            trigger: '.o_field_widget[name="pretest_survey_id"] input',
            run: "edit Test diabète",
        },
        {
            content: "Choose the survey",
            trigger:
                '.o_field_widget[name="pretest_survey_id"] .o-autocomplete--dropdown-menu .dropdown-item:contains("Test diabète")',
            run: "click",
        },
        {
            content: "The pre-test is chosen",
            trigger:
                '.o_field_widget[name="pretest_survey_id"] input:value("Test diabète")',
        },
        {
            content: "The post-test, the same survey",
            trigger: '.o_field_widget[name="posttest_survey_id"] input',
            run: "edit Test diabète",
        },
        {
            content: "Choose it",
            trigger:
                '.o_field_widget[name="posttest_survey_id"] .o-autocomplete--dropdown-menu .dropdown-item:contains("Test diabète")',
            run: "click",
        },
        {
            content: "The post-test is chosen",
            trigger:
                '.o_field_widget[name="posttest_survey_id"] input:value("Test diabète")',
        },
        {
            content: "Save the programme",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The programme is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Type in the first paper sheet",
            trigger: 'button[name="action_enter_test"]:contains("Saisir un test")',
            run: "click",
        },
        {
            content: "The code written on the sheet",
            trigger: '.modal .o_field_widget[name="participant_code"] input',
            run: "edit TOUR-01",
        },
        ...answer(0, "Vrai"),
        ...answer(1, "Faux"),
        {
            content: "Save the sheet",
            trigger: '.modal button[name="action_save"]',
            run: "click",
        },
        {
            content: "Back on the programme",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Type in the sheet of the same participant, after the sessions",
            trigger: 'button[name="action_enter_test"]',
            run: "click",
        },
        {
            content: "The same participant, after the sessions",
            trigger: '.modal .o_field_widget[name="phase"] input[data-value="post"]',
            run: "click",
        },
        {
            content: "The post-test is ticked",
            trigger:
                '.modal .o_field_widget[name="phase"] input[data-value="post"]:checked',
        },
        {
            content: "The code written on the sheet",
            trigger: '.modal .o_field_widget[name="participant_code"] input',
            run: "edit TOUR-01",
        },
        ...answer(0, "Vrai"),
        ...answer(1, "Vrai"),
        {
            content: "Save the last sheet",
            trigger: '.modal button[name="action_save"]',
            run: "click",
        },
        {
            content: "The gain is shown, paired, with its method",
            trigger:
                '.o_field_widget[name="knowledge_summary"]:contains("Apparié : 1 participants")',
        },
        {
            content: "50 points gained",
            trigger: '.o_field_widget[name="knowledge_gain"]:contains("50")',
        },
    ],
});
