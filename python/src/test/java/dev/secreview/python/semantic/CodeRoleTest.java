package dev.secreview.python.semantic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeRoleTest {

    @ParameterizedTest
    @CsvSource({
            "nova/compute/manager.py, SERVICE",
            "swift/common/middleware/tempurl.py, SERVICE",
            "pkg/toolsupport.py, SERVICE",
            "pkg/cmdline.py, SERVICE",
            "app/tools.py, SERVICE",
            "tools/check_release.py, OPERATOR_TOOL",
            "neutron/.agents/scripts/list_bugs.py, OPERATOR_TOOL",
            "glance/cmd/control.py, OPERATOR_TOOL",
            "swift/cli/drive_audit.py, OPERATOR_TOOL",
            "devstack/tools/setup_client.py, OPERATOR_TOOL",
            "horizon/management/commands/pull_catalog.py, OPERATOR_TOOL",
            "management/commands/load.py, OPERATOR_TOOL",
            "doc/source/conf.py, OPERATOR_TOOL",
            "nova/hacking/checks.py, OPERATOR_TOOL",
            "setup.py, OPERATOR_TOOL",
            "./manage.py, OPERATOR_TOOL",
            "tools/tests/test_release.py, TEST",
            "nova/tests/unit/virt/test_driver.py, TEST",
            "test_tools.py, TEST",
            "heat/engine/clients/os/keystone/fake_keystoneclient.py, TEST",
            "nova/api/openstack/fakes.py, TEST",
            "pkg/volume_fakes.py, TEST",
            "pkg/fakeroot.py, SERVICE",
            "pkg/fake.py, SERVICE",
    })
    void roleFromTheProjectPath(String path, CodeRole expected) {
        assertEquals(expected, CodeRole.of(path), path);
    }
}
