using GuidanceBot.Content;
using static GuidanceBot.Tests.Content.FlowFixtures;

namespace GuidanceBot.Tests.Content;

/// <summary>One test per rule in dialogs/README.md: a broken copy of a valid fixture, and where the error points.</summary>
public sealed class FlowValidationTests
{
    [Fact]
    public void Unknown_field_is_reported_at_its_name()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    time: {", "    tiem: {"));

        SingleErrorAt(result, yaml, "tiem:", "unknown field 'tiem' in step 'giay-to'; did you mean 'time'?");
    }

    [Fact]
    public void Unknown_field_inside_a_text_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("en: \"Form CT01\"", "eng: \"Form CT01\""));

        SingleErrorAt(result, yaml, "eng:", "unknown field 'eng' in steps.giay-to.documents[1].text; did you mean 'en'?");
    }

    [Fact]
    public void A_field_of_another_step_kind_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    end: completed\n", "    end: completed\n    next: thue-nha\n"));

        SingleErrorAt(result, yaml, "next: thue-nha", "'next' does not belong in an end step");
    }

    [Fact]
    public void Missing_required_field_is_reported_at_its_owner()
    {
        var (result, yaml) = LoadEdited(y => y.Edit(
            "    stuck: { vi: \"Nếu không thấy nút, hãy đăng nhập lại.\", en: \"If you cannot see the button, log in again.\" }\n", ""));

        SingleErrorAt(result, yaml, "do: {", "step 'nop-ho-so' has no 'stuck'");
    }

    [Fact]
    public void Text_without_vi_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("title: { vi: \"Đăng ký tạm trú (thử)\", en:", "title: { en:"));

        SingleErrorAt(result, yaml, "{ en: \"Temporary", "title has no vi text");
    }

    [Fact]
    public void Empty_vi_text_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("{ vi: \"Nhà thuê\"", "{ vi: \"\""));

        SingleErrorAt(result, yaml, "\"\"", "steps.thue-nha.choices[1].label.vi is empty");
    }

    [Fact]
    public void Duplicate_flow_id_across_files_is_reported_on_the_later_file()
    {
        var copy = Read(Guide).Edit("id: dvc-dang-nhap-mini", "id: dvc-dang-nhap-mini-2");

        var result = FlowLoader.LoadFiles([.. Valid(), ("z-copy.yaml", copy)]);

        SingleErrorAt(result, copy, "dang-nhap-mini", "flow id 'dang-nhap-mini' is already used by dang-nhap-mini.yaml:3:5", "z-copy.yaml");
    }

    [Fact]
    public void Duplicate_link_id_across_flows_is_reported()
    {
        var (result, _) = LoadEdited(y => y.Edit("id: dvc-tam-tru-mini", "id: dvc-dang-nhap-mini"));

        SingleErrorAt(result, Read(Guide), "dvc-dang-nhap-mini", "link id 'dvc-dang-nhap-mini' is already used at tam-tru-mini.yaml:", Guide);
    }

    [Fact]
    public void Duplicate_step_id_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("  xong:\n", "  khong-can:\n"));

        SingleErrorAt(result, yaml, "khong-can:\n    end: completed", "'khong-can' appears twice");
    }

    [Fact]
    public void Dangling_next_is_reported_at_the_name()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("A relative's home\" }, next: giay-to", "A relative's home\" }, next: giay-tox"));

        SingleErrorAt(result, yaml, "giay-tox", "next 'giay-tox' (in step 'thue-nha') is not a step of this flow; did you mean 'giay-to'?");
    }

    [Fact]
    public void Start_that_is_not_a_step_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("start: thue-nha", "start: thue-nhaa"));

        SingleErrorAt(result, yaml, "thue-nhaa", "start 'thue-nhaa' is not a step of this flow");
    }

    [Fact]
    public void Unreachable_step_is_reported_at_its_id()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("next: khong-can", "next: giay-to"));

        SingleErrorAt(result, yaml, "khong-can:", "step 'khong-can' is never reached");
    }

    [Fact]
    public void Steps_with_no_path_to_an_end_are_reported()
    {
        // nop-ho-so goes back to giay-to, and the call between them ends the flow only through on:, so cut that way out too.
        var (result, yaml) = LoadEdited(y => y.Edit("next: xong", "next: giay-to").Edit("handed-off: end", "handed-off: nop-ho-so")
            .Edit("in-person: nop-truc-tiep", "in-person: giay-to"));

        Assert.Equal(5, result.Errors.Count);
        HasErrorAt(result, yaml, "giay-to:", "step 'giay-to' never leads to an end step");
        HasErrorAt(result, yaml, "dang-nhap:", "step 'dang-nhap' never leads to an end step");
        HasErrorAt(result, yaml, "nop-ho-so:", "step 'nop-ho-so' never leads to an end step");
        HasErrorAt(result, yaml, "nop-truc-tiep:", "step 'nop-truc-tiep' is never reached");
        HasErrorAt(result, yaml, "xong:", "step 'xong' is never reached");
    }

    [Fact]
    public void Call_to_an_unknown_flow_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("call: dang-nhap-mini", "call: dang-nhap-mono"));

        SingleErrorAt(result, yaml, "dang-nhap-mono", "call 'dang-nhap-mono': no flow has this id");
    }

    [Fact]
    public void Flows_calling_each_other_are_reported_as_a_loop()
    {
        var guide = Read(Guide).Edit("  da-dang-nhap:\n    end: completed",
            "  da-dang-nhap:\n    call: tam-tru-mini\n    next: het\n  het:\n    end: completed");

        var result = FlowLoader.LoadFiles([(Procedure, Read(Procedure)), (Guide, guide)]);

        SingleErrorAt(result, guide, "tam-tru-mini\n", "calls loop: tam-tru-mini → dang-nhap-mini → tam-tru-mini", Guide);
    }

    [Fact]
    public void Flow_calling_itself_is_reported_as_a_loop()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("call: dang-nhap-mini", "call: tam-tru-mini"));

        SingleErrorAt(result, yaml, "tam-tru-mini\n    next: nop-ho-so", "calls loop: tam-tru-mini → tam-tru-mini");
    }

    [Fact]
    public void Needs_naming_an_unknown_flow_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("needs: [dang-nhap-mini]", "needs: [dang-nhap-mini, vneid-muc-9]"));

        SingleErrorAt(result, yaml, "vneid-muc-9", "needs 'vneid-muc-9': no flow has this id");
    }

    [Fact]
    public void More_than_five_choices_are_reported()
    {
        var extra = "      - { label: { vi: \"Khác\" }, next: giay-to }\n";
        var (result, yaml) = LoadEdited(y => y.Edit("    help: { vi: \"Chọn nơi", extra + extra + extra + "    help: { vi: \"Chọn nơi"));

        SingleErrorAt(result, yaml, "- { label: { vi: \"Nhà thuê\"", "steps.thue-nha.choices has 6 choice(s): write 2 to 5");
    }

    [Fact]
    public void Fewer_than_two_choices_are_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    end: not-eligible\n    say:",
            "    ask: { vi: \"Bạn chắc chứ?\" }\n    choices:\n      - { label: { vi: \"Chắc\" }, next: xong }\n    help:"));

        SingleErrorAt(result, yaml, "- { label: { vi: \"Chắc\" }", "steps.khong-can.choices has 1 choice(s)");
    }

    [Fact]
    public void Text_over_2000_characters_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("Tờ khai CT01", new string('a', 2001)));

        SingleErrorAt(result, yaml, "\"aaaa", "steps.giay-to.documents[1].text.vi is 2,001 characters long: the limit is 2,000");
    }

    [Fact]
    public void A_text_of_exactly_2000_characters_is_allowed() =>
        Assert.True(LoadEdited(y => y.Edit("Tờ khai CT01", new string('a', 2000))).Result.Ok);

    [Fact]
    public void Step_with_no_kind_is_reported_at_its_id()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    end: completed\n", ""));

        SingleErrorAt(result, yaml, "xong:", "step 'xong' has no kind: give it exactly one of ask, inform, do, call, end");
    }

    [Fact]
    public void A_misspelt_kind_is_reported_without_making_later_steps_unreachable()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    inform: {", "    infrom: {"));

        Assert.Equal(2, result.Errors.Count);
        AssertAt(result.Errors[0], yaml, "giay-to:", "step 'giay-to' has no kind");
        AssertAt(result.Errors[1], yaml, "infrom:", "unknown field 'infrom' in step 'giay-to'; did you mean 'inform'?");
    }

    [Fact]
    public void Field_typo_far_from_any_name_lists_the_known_fields()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("summary:", "mota:"));

        SingleErrorAt(result, yaml, "mota:", "unknown field 'mota' in the flow: use id, topic, title, summary, source, facts, needs, utterances, start, steps");
    }

    [Fact]
    public void Step_with_several_kinds_is_reported_at_the_second_kind()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    end: not-eligible\n", "    end: not-eligible\n    inform: { vi: \"Thêm\" }\n"));

        SingleErrorAt(result, yaml, "inform: { vi: \"Thêm\" }", "step 'khong-can' has several kinds (end, inform): keep exactly one");
    }

    [Fact]
    public void When_naming_a_step_that_is_not_an_ask_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("when: { thue-nha: 1 }", "when: { giay-to: 1 }"));

        SingleErrorAt(result, yaml, "giay-to: 1", "when names 'giay-to', which is an inform step: when can only name an ask step");
    }

    [Fact]
    public void When_naming_an_unknown_step_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("when: { thue-nha: 1 }", "when: { thue-nhaa: 1 }"));

        SingleErrorAt(result, yaml, "thue-nhaa: 1", "when names 'thue-nhaa', which is not a step of this flow");
    }

    [Fact]
    public void When_naming_a_choice_the_step_does_not_have_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("when: { thue-nha: [2, 3] }", "when: { thue-nha: [2, 4] }"));

        SingleErrorAt(result, yaml, "4] }", "when names choice 4 of 'thue-nha', which has 3 choice(s)");
    }

    [Fact]
    public void When_with_a_choice_that_is_not_a_number_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("when: { thue-nha: 1 }", "when: { thue-nha: one }"));

        SingleErrorAt(result, yaml, "one }", "choice numbers are whole numbers counted from 1");
    }

    [Fact]
    public void Fewer_than_eight_utterances_are_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit(", \"xin tạm trú\"]", "]"));

        SingleErrorAt(result, yaml, "[\"đăng ký tạm trú\"", "utterances.vi has 7 different utterance(s): write at least 8");
    }

    [Fact]
    public void Repeated_utterances_count_once()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("\"temporary residence procedure\"]", "\"Register temporary residence\"]"));

        SingleErrorAt(result, yaml, "[\"register temporary residence\"", "utterances.en has 7 different utterance(s)");
    }

    [Fact]
    public void Missing_english_utterances_are_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("  en: [\"register temporary residence\"", "  xx: [\"register temporary residence\""));

        Assert.Equal(2, result.Errors.Count);
        HasErrorAt(result, yaml, "xx:", "unknown field 'xx' in utterances");
        HasErrorAt(result, yaml, "vi: [\"đăng ký tạm trú\"", "utterances has no en list");
    }

    [Theory]
    [InlineData("id: tam-tru-mini", "id: Tam_Tru_Mini", "Tam_Tru_Mini", "'Tam_Tru_Mini' (id) is not a kebab-case id")]
    [InlineData("id: dvc-tam-tru-mini", "id: dvc tam tru", "dvc tam tru", "'dvc tam tru' (steps.giay-to.links[1].id) is not a kebab-case id")]
    [InlineData("thanh-hoa: { vi:", "thanh-hoá: { vi:", "thanh-hoá", "'thanh-hoá' (steps.giay-to.fee.provinces) is not a kebab-case id")]
    [InlineData("thanh-hoa: { fee:", "thanh_hoa: { fee:", "thanh_hoa", "'thanh_hoa' (facts.provinces) is not a kebab-case id")]
    [InlineData("khong-can:", "khong--can:", "khong--can:", "'khong--can' (step id) is not a kebab-case id")]
    public void Ids_that_are_not_kebab_case_are_reported(string old, string replacement, string marker, string message)
    {
        // A step id is renamed everywhere it is used, so only the id itself is wrong.
        var (result, yaml) = LoadEdited(y => old == "khong-can:" ? y.Edit("khong-can", "khong--can", all: true) : y.Edit(old, replacement));

        SingleErrorAt(result, yaml, marker, message);
    }

    [Fact]
    public void Unknown_outcome_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("end: not-eligible", "end: not-allowed"));

        SingleErrorAt(result, yaml, "not-allowed", "unknown outcome 'not-allowed' in steps.khong-can.end: use one of completed, not-eligible, in-person, handed-off");
    }

    [Fact]
    public void Unknown_topic_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("topic: residence", "topic: housing"));

        SingleErrorAt(result, yaml, "housing", "unknown topic 'housing'");
    }

    [Fact]
    public void Source_date_and_url_are_checked()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("checked: 2026-11-26", "checked: 26/11/2026").Edit("url: \"https://dichvucong.gov.vn/p/", "url: \"dichvucong.gov.vn/p/"));

        Assert.Equal(2, result.Errors.Count);
        HasErrorAt(result, yaml, "\"dichvucong.gov.vn/p/", "source.url 'dichvucong.gov.vn/p/");
        HasErrorAt(result, yaml, "26/11/2026", "source.checked '26/11/2026' is not a date written as YYYY-MM-DD");
    }

    [Fact]
    public void Source_checked_is_optional_for_facts_nobody_checked_yet()
    {
        var (result, _) = LoadEdited(y => y.Edit("  checked: 2026-11-26\n", ""));

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Null(result.Catalog!.Find("tam-tru-mini")!.Source.Checked);
    }

    [Fact]
    public void Source_legal_is_one_text()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("legal: \"Luật Cư trú 2020 (Điều 27, 28); Thông tư 55/2021/TT-BCA (Điều 5)\"",
            "legal: [\"Luật Cư trú 2020\"]"));

        SingleErrorAt(result, yaml, "[\"Luật Cư trú 2020\"]", "source.legal should be a single value");
    }

    [Fact]
    public void Unconfirmed_word_that_is_no_fact_name_is_reported_as_a_misspelt_fact()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("unconfirmed: [time,", "unconfirmed: [fees,"));

        SingleErrorAt(result, yaml, "fees,", "source.unconfirmed 'fees' is not a fact name; did you mean 'fee'?");
    }

    [Fact]
    public void Unconfirmed_notes_in_words_are_kept_as_written()
    {
        var (result, _) = LoadEdited(y => y.Edit("unconfirmed: [time,", "unconfirmed: [\"thời hạn liên thông BHYT\", documents,"));

        Assert.Equal(["thời hạn liên thông BHYT", "documents", "lệ phí ở tỉnh khác"], result.Catalog!.Find("tam-tru-mini")!.Source.Unconfirmed);
    }

    [Fact]
    public void Unknown_fact_is_reported_with_the_nearest_name()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("  documents: { vi: \"Mẫu CT01", "  document: { vi: \"Mẫu CT01"));

        SingleErrorAt(result, yaml, "document:", "unknown field 'document' in facts; did you mean 'documents'?");
    }

    [Fact]
    public void A_fact_must_be_a_text_with_vi()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("  where: { vi: \"Công an xã, phường nơi bạn đang ở.\", en:", "  where: { en:"));

        SingleErrorAt(result, yaml, "{ en: \"The police", "facts.where has no vi text");
    }

    [Fact]
    public void Empty_facts_are_reported()
    {
        var (result, yaml) = LoadEdited(y => y[..y.IndexOf("facts:\n", StringComparison.Ordinal)] + "facts: {}\n" + y[y.IndexOf("needs:", StringComparison.Ordinal)..]);

        SingleErrorAt(result, yaml, "{}", "facts is empty: give at least one of fee, time, documents, where, online, legal, next, or remove it");
    }

    [Fact]
    public void A_province_may_override_only_known_facts()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("thanh-hoa: { fee:", "thanh-hoa: { lephi:"));

        SingleErrorAt(result, yaml, "lephi:", "unknown field 'lephi' in facts.provinces.thanh-hoa: use fee, time, documents, where, online, legal, next");
    }

    [Fact]
    public void Call_that_does_not_handle_an_outcome_of_the_called_flow_is_reported_at_the_call()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("      handed-off: end\n", ""));

        SingleErrorAt(result, yaml, "dang-nhap-mini\n    next: nop-ho-so",
            "call 'dang-nhap-mini' (step 'dang-nhap') can end handed-off: say where each goes in on:, a step of this flow or end (this flow ends the same way), e.g. on: { handed-off: end }");
    }

    [Fact]
    public void Call_without_on_lists_every_outcome_it_must_handle()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    on:\n      in-person: nop-truc-tiep\n      handed-off: end\n", ""));

        Assert.Equal(2, result.Errors.Count);
        HasErrorAt(result, yaml, "dang-nhap-mini\n    next: nop-ho-so", "call 'dang-nhap-mini' (step 'dang-nhap') can end in-person, handed-off:");
        HasErrorAt(result, yaml, "nop-truc-tiep:", "step 'nop-truc-tiep' is never reached");
    }

    [Fact]
    public void Outcomes_a_called_flow_passes_on_from_its_own_calls_must_be_handled_too()
    {
        // dang-nhap-mini hands off only through a flow it calls, which ends handed-off.
        var guide = Read(Guide).Edit("    end: handed-off\n    say: { vi: \"Bạn gọi tổng đài 1900 0368 để mở khóa tài khoản.\", en: \"Call 1900 0368 to unlock your account.\" }",
            "    call: tong-dai\n    next: da-dang-nhap\n    on: { handed-off: end }");
        var helpdesk = """
            id: tong-dai
            topic: accounts
            title: { vi: "Gọi tổng đài" }
            source: { portal: vneid.gov.vn, url: "https://vneid.gov.vn/" }
            utterances:
              vi: ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]
              en: ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"]
            start: goi
            steps:
              goi:
                end: handed-off
            """;
        var procedure = Read(Procedure).Edit("      handed-off: end\n", "");

        var result = FlowLoader.LoadFiles([(Procedure, procedure), (Guide, guide), ("tong-dai.yaml", helpdesk)]);

        SingleErrorAt(result, procedure, "dang-nhap-mini\n    next: nop-ho-so", "call 'dang-nhap-mini' (step 'dang-nhap') can end handed-off");
    }

    [Fact]
    public void On_naming_an_outcome_the_called_flow_never_ends_with_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("      handed-off: end\n", "      handed-off: end\n      not-eligible: khong-can\n"));

        SingleErrorAt(result, yaml, "not-eligible: khong-can", "'dang-nhap-mini' never ends not-eligible: remove not-eligible from on: of step 'dang-nhap'");
    }

    [Fact]
    public void On_completed_is_reported_because_next_is_the_way_on()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("      handed-off: end\n", "      handed-off: end\n      completed: xong\n"));

        SingleErrorAt(result, yaml, "completed: xong", "steps.dang-nhap.on.completed: a called flow that ends completed goes on to next; remove this line");
    }

    [Fact]
    public void On_with_an_unknown_outcome_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("      handed-off: end\n", "      handed-off: end\n      in-persn: end\n"));

        SingleErrorAt(result, yaml, "in-persn: end", "unknown outcome 'in-persn' in steps.dang-nhap.on: use one of not-eligible, in-person, handed-off; did you mean 'in-person'?");
    }

    [Fact]
    public void On_naming_a_step_that_does_not_exist_is_reported()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("in-person: nop-truc-tiep", "in-person: nop-truc-tep"));

        // nop-truc-tiep is then reached from nowhere, which is reported too.
        Assert.Equal(2, result.Errors.Count);
        HasErrorAt(result, yaml, "nop-truc-tep", "on.in-person 'nop-truc-tep' (in step 'dang-nhap') is not a step of this flow; did you mean 'nop-truc-tiep'?");
        HasErrorAt(result, yaml, "nop-truc-tiep:", "step 'nop-truc-tiep' is never reached");
    }

    [Fact]
    public void On_is_allowed_only_in_a_call_step()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    next: xong\n", "    next: xong\n    on: { in-person: xong }\n"));

        SingleErrorAt(result, yaml, "on: { in-person: xong }", "'on' does not belong in a do step (step 'nop-ho-so')");
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_the_parsers_position_and_message()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("topic: residence\n", "topic: residence\n  extra: 1\n"));

        // YamlDotNet points at the ':' it did not expect.
        var (line, column) = Where(yaml, "extra: 1");
        Assert.Equal(new ContentError(Procedure, line, column + "extra".Length, "YAML: While scanning a plain scalar value, found invalid mapping."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Unclosed_bracket_is_reported_near_where_reading_stopped()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("needs: [dang-nhap-mini]", "needs: [dang-nhap-mini"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("YAML: ", error.Message);
        Assert.InRange(error.Line, Where(yaml, "needs:").Line, Where(yaml, "utterances:").Line + 1);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        var result = FlowLoader.LoadFiles([("empty.yaml", "# nothing yet\n")]);

        Assert.Equal(new ContentError("empty.yaml", 1, 1, "the file is empty: write one flow (see dialogs/README.md)"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Two_flows_in_one_file_are_reported()
    {
        var (result, yaml) = LoadEdited(y => y + "---\nid: second\n");

        SingleErrorAt(result, yaml, "id: second", "one flow per file");
    }

    [Fact]
    public void Different_errors_in_one_file_are_all_reported_in_file_order()
    {
        var (result, yaml) = LoadEdited(y => y.Edit("    time: {", "    tiem: {").Edit("end: not-eligible", "end: not-allowed"));

        Assert.Equal(2, result.Errors.Count);
        AssertAt(result.Errors[0], yaml, "tiem:", "unknown field 'tiem'");
        AssertAt(result.Errors[1], yaml, "not-allowed", "unknown outcome 'not-allowed'");
    }

    [Fact]
    public void Errors_in_several_files_are_all_reported()
    {
        var procedure = Read(Procedure).Edit("end: not-eligible", "end: not-allowed");
        var guide = Read(Guide).Edit("topic: accounts", "topic: account");

        var result = FlowLoader.LoadFiles([(Procedure, procedure), (Guide, guide)]);

        Assert.Equal(2, result.Errors.Count);
        AssertAt(result.Errors[0], guide, "account\n", "unknown topic 'account'", Guide);
        AssertAt(result.Errors[1], procedure, "not-allowed", "unknown outcome", Procedure);
    }
}
